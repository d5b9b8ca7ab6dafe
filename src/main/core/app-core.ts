/** Wires the main process's logic from its ports; runs unchanged in Electron and in plain Node. No policy lives here. */
import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppInfo, MenuCommand } from '../../shared/ipc/app-schemas'
import { eventChannel, ipcEvents, type EventPayload, type IpcEventName } from '../../shared/ipc/contract'
import type { EnvironmentKind } from '../../shared/ipc/session-schemas'
import { DiagnosticsService } from './diagnostics/diagnostics-service'
import { createIpcDispatcher, type IpcDispatch } from './ipc/dispatcher'
import { createIpcHandlers } from './ipc/handlers'
import { createSenderPolicy } from './ipc/sender-policy'
import { LinkHandler } from './links/link-handler'
import { PlatformClient } from './platform/platform-client'
import { RequestJournal } from './platform/request-journal'
import { systemClock, type BadgePort, type Clock, type ExternalOpener, type FileDialogs, type FolderOpener, type HttpFetch, type KeyValueStore, type Logger, type LoginItemPort, type LogTail, type Notifier, type SandboxProvider, type SecretCipher, type TrayPort, type UpdaterPort, type WindowPort } from './ports'
import { PasswordRecovery } from './session/password-recovery'
import { SessionService } from './session/session-service'
import { createSessionServices } from './session/session-services'
import { DesktopPreferences } from './settings/desktop-preferences'
import { SettingsService } from './settings/settings-service'
import { Preferences } from './storage/preferences'
import { PRIVATE_DIR_MODE } from './storage/secure-file'
import { TokenVault } from './storage/token-vault'
import { UpdateService } from './updates/update-service'
import { WindowMailbox } from './window/window-mailbox'

export const VAULT_FILE = 'session.json'

export interface AppCoreDeps {
  /** The app's own folder in the user's profile (Electron's userData): the session vault lives here. */
  dataDir: string
  store: KeyValueStore
  cipher: SecretCipher
  fetch: HttpFetch
  logger: Logger
  sandbox: SandboxProvider
  external: ExternalOpener
  dialogs: FileDialogs
  folders: FolderOpener
  /** The app's log file, for diagnostics. */
  logTail: LogTail
  appInfo: AppInfo
  /** Per-file upload limit; UCDP's 15 MB by default. */
  maxUploadBytes?: number
  /** Origins whose main frame may call IPC (the app's own content only). */
  trustedOrigins: readonly string[]
  clock?: Clock
  /** The auto-updater; null (the default) in unpackaged builds, where updates are off. */
  updater?: UpdaterPort | null
  /** The update feed built into the installer, used unless the user set another. */
  builtInUpdateFeed?: string | null
  /** The environment the sign-in screen offers first: production in packaged builds. */
  defaultEnvironment?: Exclude<EnvironmentKind, 'custom'>
  notifier?: Notifier | null
  badge?: BadgePort | null
  tray?: TrayPort | null
  loginItem?: LoginItemPort | null
  window?: WindowPort | null
}

export type EventListener = (channel: string, payload: unknown) => void

export interface AppCore {
  dispatch: IpcDispatch
  /** Main→renderer events, already validated against the contract, keyed by channel. */
  subscribe(listener: EventListener): () => void
  /** Call when the system resumes from sleep or the network comes back. */
  wake(): Promise<void>
  /** The application menu asks the window to do something. */
  menuCommand(command: MenuCommand): void
  /** Help → Export diagnostics… from the menu. */
  exportDiagnostics(): Promise<{ savedTo: string } | null>
  /** A message the next window (or the reloaded one) shows once. */
  setWindowNotice(text: string): void
  /** One sync with the platform now; resolves when it is done. */
  syncNow(): Promise<void>
  /** An omnivms:// link from the OS (second instance, open-url, or the command line at start). Never rejects. */
  openDeepLink(url: string): Promise<void>
  pauseNotifications(minutes: number): void
  closesToTray(platform: NodeJS.Platform): boolean
  takeTrayHint(): boolean
  ready: Promise<void>
  /** Stops everything; resolves once the session's pending writes have landed (await it before the process exits). */
  dispose(): Promise<void>
}

/** The app's folder is the user's alone (0700) on macOS and Linux. */
function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (process.platform !== 'win32') chmodSync(folder, PRIVATE_DIR_MODE)
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const clock = deps.clock ?? systemClock
  makePrivateFolder(deps.dataDir)
  const listeners = new Set<EventListener>()
  const emit = <N extends IpcEventName>(name: N, payload: EventPayload<N>) => {
    const parsed = ipcEvents[name].parse(payload)
    for (const listener of listeners) listener(eventChannel(name), parsed)
  }
  const mailbox = new WindowMailbox(emit, deps.store.problem())
  const journal = new RequestJournal()
  const settings = new SettingsService(deps.store)
  const desktop = new DesktopPreferences(settings, clock)
  const preferences = new Preferences(deps.store, deps.defaultEnvironment ?? 'sandbox')
  const client = (baseUrl: string, timeoutMs?: number) => new PlatformClient(baseUrl, { fetch: deps.fetch, logger: deps.logger, journal, timeoutMs })
  // The upload limit is a setting (UCDP's 15 MB by default); development and tests may fix it.
  const maxUploadBytes = () => deps.maxUploadBytes ?? Math.round(settings.get().uploads.maxFileMb * 1024 * 1024)
  const links: LinkHandler = new LinkHandler({
    logger: deps.logger,
    window: deps.window ?? null,
    signedIn: () => session.activeServices()?.sync != null,
    findOrder: async (orderNumber) => {
      const sync = session.activeServices()?.sync
      if (!sync) return null
      const find = (inbox: Awaited<ReturnType<typeof sync.current>>) => inbox.orders.find((o) => o.orderNumber.toLowerCase() === orderNumber.toLowerCase())
      const found = find(await sync.current()) ?? find(await sync.syncNow())
      return found ? { clientId: found.clientId, loanId: found.loanId, orderId: found.orderId } : null
    },
    openOrder: (ref) => mailbox.openOrder(ref),
    openResetPassword: (email, code) => emit('openResetPassword', { email, code }),
    notice: (text) => mailbox.tell(text)
  })
  const session: SessionService = new SessionService({
    vault: new TokenVault(join(deps.dataDir, VAULT_FILE), deps.cipher, deps.logger, deps.store),
    preferences,
    clock,
    logger: deps.logger,
    sandbox: deps.sandbox,
    cipher: deps.cipher,
    dataDir: deps.dataDir,
    client,
    createServices: (scope, auth, user, files) =>
      createSessionServices(
        { clock, logger: deps.logger, settings, notifier: deps.notifier ?? null, badge: deps.badge ?? null, tray: deps.tray ?? null, window: deps.window ?? null, emit, openOrder: (ref) => mailbox.openOrder(ref), notice: (text) => mailbox.tell(text), maxUploadBytes, legacyStore: deps.store },
        scope,
        auth,
        user,
        files
      ),
    onStateChanged: (state) => emit('sessionChanged', state),
    onSignedIn: () => void links.signedIn(),
    notice: (text) => mailbox.tell(text)
  })
  const ready = session.restore()
  const updates = new UpdateService({
    updater: deps.updater ?? null,
    feed: () => {
      const { feedUrl, channel } = settings.get().updates
      const url = feedUrl ?? deps.builtInUpdateFeed ?? null
      return url ? { url, channel } : null
    },
    busy: () => session.activeServices()?.uploads.busy ?? false,
    clock,
    logger: deps.logger,
    onStatus: (status) => emit('updateStatusChanged', status)
  })
  updates.start()
  const stopWatchingSettings = settings.onChange((next, previous) => {
    if (JSON.stringify(next.updates) !== JSON.stringify(previous.updates)) updates.start()
    if (next.window.openAtLogin !== previous.window.openAtLogin) deps.loginItem?.setOpenAtLogin(next.window.openAtLogin)
    if (next.notifications.pausedUntil !== previous.notifications.pausedUntil) session.activeServices()?.sync?.updateBadge()
  })
  deps.loginItem?.setOpenAtLogin(settings.get().window.openAtLogin)
  const diagnostics = new DiagnosticsService({ appInfo: deps.appInfo, session: () => session.state, protection: () => session.protection(), updates: () => updates.current, journal, logTail: deps.logTail, dialogs: deps.dialogs, clock, logger: deps.logger })
  const handlers = createIpcHandlers({
    ready,
    session,
    recovery: new PasswordRecovery({ sandbox: deps.sandbox, preferences, client }),
    dialogs: deps.dialogs,
    clock,
    maxUploadBytes,
    external: deps.external,
    settings,
    updates,
    diagnostics,
    appInfo: deps.appInfo,
    mailbox,
    openLogsFolder: () => deps.folders.openFolder(deps.logTail.folder),
    logger: deps.logger
  })
  const dispatch = createIpcDispatcher(handlers, { isTrustedSender: createSenderPolicy(deps.trustedOrigins), logger: deps.logger })
  const syncNow = async () => void (await session.activeServices()?.sync?.syncNow().catch(() => undefined))
  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async wake() {
      updates.wake()
      await session.wake()
      await syncNow()
    },
    syncNow,
    openDeepLink: (url) => links.open(url),
    pauseNotifications: (minutes) => desktop.pauseNotifications(minutes),
    closesToTray: (platform) => desktop.closesToTray(platform),
    takeTrayHint: () => desktop.takeTrayHint(),
    menuCommand: (command) => emit('menuCommand', command),
    exportDiagnostics: () => diagnostics.exportToFile(),
    setWindowNotice: (text) => mailbox.keepForNextWindow(text),
    ready,
    dispose() {
      listeners.clear()
      stopWatchingSettings()
      updates.dispose()
      return session.dispose()
    }
  }
}
