import type { Logger } from './ports'

// Defence in depth: nothing should pass a secret to the logger, but if it does, it is masked.
const SECRET_PATTERNS = [
  /\b(?:at|rt)_[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g
]
const SECRET_KEYS = /token|password|secret|authorization|cookie|code/i

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text)
}

function redactFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return ''
  const safe = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : value])
  )
  return ` ${redact(JSON.stringify(safe))}`
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void

export function createLogger(sink: LogSink): Logger {
  const write = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
    sink(level, `${new Date().toISOString()} ${level.toUpperCase()} ${redact(message)}${redactFields(fields)}`)
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

export const consoleLogger = createLogger((level, line) => {
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
})
