/** The logger: timestamped lines, passed through the one scrubber before they are written. */
import type { Logger } from './ports'
import type { KnownPersonalValues } from './privacy/known-personal-values'
import { scrub, scrubFields } from './privacy/scrubber'

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void

/** Log lines pass the one scrubber: nothing should hand the logger a secret or personal data, but if it does, it is masked. */
export function createLogger(sink: LogSink, known: KnownPersonalValues | null = null): Logger {
  const write = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    const extra = scrubFields(fields, known)
    sink(level, `${new Date().toISOString()} ${level.toUpperCase()} ${scrub(message, known)}${extra ? ` ${extra}` : ''}`)
  }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

export const consoleLogger = createLogger((level, line) => {
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
})
