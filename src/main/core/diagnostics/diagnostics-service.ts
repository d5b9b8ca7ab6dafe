/** Help → "Export diagnostics…": builds the report and saves it where the user picks. */
import { safeFileName } from '../primitives/safe-file-name'
import { format } from 'date-fns'
import type { AppInfo, UpdateStatus } from '../../../shared/ipc/app-schemas'
import type { SessionState, StorageProtection } from '../../../shared/ipc/session-schemas'
import { AppError } from '../errors'
import type { RequestJournal } from '../platform/request-journal'
import type { Clock, FileDialogs, Logger, LogTail } from '../ports'
import { writeFileAtomic } from '../storage/secure-file'
import { buildDiagnosticsReport } from './diagnostics-report'

export interface DiagnosticsDeps {
  appInfo: AppInfo
  session(): SessionState
  protection(): Promise<StorageProtection>
  updates(): UpdateStatus
  journal: RequestJournal
  logTail: LogTail
  dialogs: FileDialogs
  clock: Clock
  logger: Logger
}

/** Help → "Export diagnostics…": one file, saved where the user picks. */
export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  async report(): Promise<string> {
    const { deps } = this
    const session = deps.session()
    const protection = await deps.protection()
    const signedIn = session.status === 'signedIn' ? session : null
    return buildDiagnosticsReport({
      generatedAt: new Date(deps.clock.now()).toISOString(),
      app: deps.appInfo,
      session: {
        status: session.status,
        environment: signedIn ? `${signedIn.environment.label} (${signedIn.environment.kind})` : null,
        persistence: signedIn?.persistence ?? null,
        connectivity: signedIn?.connectivity ?? null
      },
      storage: { backend: protection.backend, level: protection.level },
      updates: deps.updates(),
      role: signedIn?.user.role ?? null,
      logLines: await deps.logTail.lastLines(500),
      requests: deps.journal.recent()
    })
  }

  async exportToFile(): Promise<{ savedTo: string } | null> {
    const defaultName = safeFileName(`OmniValVMS-diagnostics-${format(this.deps.clock.now(), 'yyyyMMdd-HHmm')}.txt`)
    const target = await this.deps.dialogs.saveFile({ title: 'Export diagnostics', defaultName })
    if (!target) return null
    try {
      await writeFileAtomic(target, await this.report())
    } catch (error) {
      this.deps.logger.warn('could not write the diagnostics file', { error: error instanceof Error ? error.name : 'unknown' })
      throw new AppError('internal', "The diagnostics file couldn't be saved there. Choose another folder and try again.")
    }
    this.deps.logger.info('diagnostics exported')
    return { savedTo: target }
  }
}
