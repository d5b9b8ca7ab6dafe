import type { AppInfo, UpdateStatus } from '../../../shared/ipc/app-schemas'
import { redact } from '../logger'
import type { JournalEntry } from '../platform/request-journal'

export interface DiagnosticsInput {
  generatedAt: string
  app: AppInfo
  session: { status: string; environment: string | null; persistence: string | null; connectivity: string | null }
  storage: { backend: string; level: string }
  updates: UpdateStatus
  /** The signed-in user's own e-mail: the only address kept. */
  userEmail: string | null
  logLines: readonly string[]
  requests: readonly JournalEntry[]
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// North American and international phone shapes; digits must be grouped, so order and loan numbers stay.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g

/** The log redaction (tokens), plus e-mail addresses other than the user's own and phone numbers. */
export function scrubPersonalData(text: string, ownEmail: string | null): string {
  const own = ownEmail?.toLowerCase() ?? null
  return redact(text)
    .replace(EMAIL, (address) => (address.toLowerCase() === own ? address : '[e-mail]'))
    .replace(PHONE, '[phone]')
}

/** One plain-text file a user can e-mail to support: what happened, and nothing personal or secret. */
export function buildDiagnosticsReport(input: DiagnosticsInput): string {
  const { app, session, storage, updates } = input
  const lines = [
    'OmniValVMS Desktop — diagnostics',
    `Generated: ${input.generatedAt}`,
    '',
    '## Versions',
    `App: ${app.name} ${app.version}`,
    `Electron: ${app.electron ?? 'n/a'}`,
    `Chrome: ${app.chrome ?? 'n/a'}`,
    `Node: ${app.node}`,
    `OS: ${app.os}`,
    '',
    '## Session',
    `Status: ${session.status}`,
    `Signed in as: ${input.userEmail ?? 'nobody'}`,
    `Environment: ${session.environment ?? 'none'}`,
    `Session storage: ${session.persistence ?? 'none'}`,
    `Connection: ${session.connectivity ?? 'n/a'}`,
    `Storage backend: ${storage.backend} (${storage.level})`,
    `Updates: ${updates.state}${updates.version ? ` ${updates.version}` : ''}${updates.message ? ` — ${updates.message}` : ''}`,
    '',
    `## Last ${input.requests.length} platform requests (method, path template, outcome, duration, correlation id)`,
    ...input.requests.map((r) => `${r.at} ${r.method} ${r.path} ${r.outcome} ${r.durationMs} ms${r.correlationId ? ` ${r.correlationId}` : ''}`),
    '',
    `## Last ${input.logLines.length} log lines`,
    ...input.logLines
  ]
  return `${scrubPersonalData(lines.join('\n'), input.userEmail)}\n`
}
