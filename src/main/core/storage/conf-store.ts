/** The key-value store on conf (what electron-store wraps), for plain Node. */
import Conf from 'conf'
import { join } from 'node:path'
import type { KeyValueStore, Logger } from '../ports'
import { createRecoveringStore } from './recovering-store'
import { PRIVATE_FILE_MODE } from './secure-file'

/** The plain-Node store (conf, the library electron-store is built on), for tests and the harness. */
export function createConfStore(directory: string, logger: Logger): KeyValueStore {
  return createRecoveringStore(
    () => new Conf<Record<string, unknown>>({ cwd: directory, configName: 'config', configFileMode: PRIVATE_FILE_MODE }),
    join(directory, 'config.json'),
    logger
  )
}
