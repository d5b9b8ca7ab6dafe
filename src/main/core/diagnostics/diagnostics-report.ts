/** The text of "Export diagnostics…": versions, session, storage, requests and log lines — scrubbed. */
import type { AppInfo, UpdateStatus } from '../../../shared/ipc/app-schemas'
import { scrub } from '../privacy/scrubber'
import type { JournalEntry } from '../platform/request-journal'

export interface DiagnosticsInput {
  generatedAt: string
  app: AppInfo
  session: { status: string; environment: string | null; persistence: string | null; connectivity: string | null }
  storage: { backend: string; level: string }
  updates: UpdateStatus
  /** The signed-in account's role, or null when signed out (no name or e-mail: support has the correlation ids). */
  role: string | null
  logLines: readonly string[]
  requests: readonly JournalEntry[]
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
    `Signed in: ${input.role ? `yes (${input.role})` : 'no'}`,
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
  return `${scrub(lines.join('\n'))}\n`
}
