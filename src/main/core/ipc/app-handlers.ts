/** The IPC calls about the app itself: settings, updates, diagnostics, links out, the window's notices. */
import type { AppInfo } from '../../../shared/ipc/app-schemas'
import type { DiagnosticsService } from '../diagnostics/diagnostics-service'
import { AppError } from '../errors'
import { isSafeExternalUrl, openExternalLink } from '../links/external-links'
import type { ExternalOpener, Logger } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import type { UpdateService } from '../updates/update-service'
import type { WindowMailbox } from '../window/window-mailbox'
import type { IpcHandlers } from './dispatcher'

type AppCalls =
  | 'openExternal'
  | 'getSettings'
  | 'updateSettings'
  | 'getUpdateStatus'
  | 'checkForUpdates'
  | 'restartToUpdate'
  | 'getAppInfo'
  | 'exportDiagnostics'
  | 'openLogsFolder'
  | 'reportRendererError'
  | 'takeWindowNotice'
  | 'takeOrderToOpen'

export interface AppHandlerDeps {
  external: ExternalOpener
  settings: SettingsService
  updates: UpdateService
  diagnostics: DiagnosticsService
  appInfo: AppInfo
  mailbox: WindowMailbox
  openLogsFolder(): Promise<void>
  logger: Logger
}

export function appHandlers(deps: AppHandlerDeps): Pick<IpcHandlers, AppCalls> {
  const { settings, updates, diagnostics, mailbox } = deps
  return {
    openExternal: async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid_input', 'Only web and e-mail links can be opened.')
      await openExternalLink(url, deps.external)
      return null
    },
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    getUpdateStatus: async () => updates.current,
    checkForUpdates: () => updates.check(),
    restartToUpdate: async () => {
      updates.restart()
      return null
    },
    getAppInfo: async () => deps.appInfo,
    exportDiagnostics: () => diagnostics.exportToFile(),
    openLogsFolder: async () => {
      await deps.openLogsFolder()
      return null
    },
    reportRendererError: async ({ message, stack, source }) => {
      // The logger decodes and scrubs both (the borrower names this session knows included).
      deps.logger.error('renderer error', { source, message, stack })
      return null
    },
    takeWindowNotice: async () => mailbox.takeNotice(),
    takeOrderToOpen: async () => mailbox.takeOrderToOpen()
  }
}
