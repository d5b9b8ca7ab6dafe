/** The app's log file (electron-log's file transport): rotated, readable by the user only. */
import log from 'electron-log/node'
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LogSink } from '../logger'
import type { LogTail } from '../ports'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/secure-file'

export const LOG_FILE_NAME = 'main.log'
const MAX_LOG_BYTES = 1024 * 1024

/**
 * The app's log file in the OS log folder, through electron-log's file transport: rotated at
 * 1 MB (the previous file kept as main.old.log), readable by the user only. Lines arrive here
 * already formatted and redacted by createLogger.
 */
export function createFileLog(folder: string, options: { echoToConsole?: boolean } = {}): { sink: LogSink; tail: LogTail } {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE })
  const file = join(folder, LOG_FILE_NAME)
  const logger = log.create({ logId: `omnivms-${randomBytes(4).toString('hex')}` })
  logger.transports.file.resolvePathFn = () => file
  logger.transports.file.format = '{text}'
  logger.transports.file.maxSize = MAX_LOG_BYTES
  logger.transports.file.writeOptions = { flag: 'a', mode: PRIVATE_FILE_MODE, encoding: 'utf8' }
  logger.transports.console.level = options.echoToConsole ? 'silly' : false
  logger.transports.console.format = '{text}'
  return {
    sink: (level, line) => logger[level](line),
    tail: {
      folder,
      async lastLines(count) {
        const read = (name: string) => readFile(join(folder, name), 'utf8').catch(() => '')
        const text = `${await read('main.old.log')}${await read(LOG_FILE_NAME)}`
        return text.split('\n').filter((line) => line.trim() !== '').slice(-count)
      }
    }
  }
}
