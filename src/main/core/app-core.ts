import { eventChannel, ipcEvents, type EventPayload, type IpcEventName } from '../../shared/ipc/contract'
import type { AppInfo, MenuCommand } from '../../shared/ipc/app-schemas'
import type { EnvironmentKind } from '../../shared/ipc/session-schemas'
import type { OrderRef } from '../../shared/ipc/order-schemas'
import { DiagnosticsService } from './diagnostics/diagnostics-service'
import { DraftStore } from './drafts/draft-store'
import { createIpcDispatcher, type IpcDispatch } from './ipc/dispatcher'
import { createIpcHandlers } from './ipc/handlers'
import { createSenderPolicy } from './ipc/sender-policy'
import { InboxService } from './orders/inbox-service'
import { OrderActions } from './orders/order-actions'
import { RequestJournal } from './platform/request-journal'
import {
  systemClock,
  type Clock,
  type ExternalOpener,
  type FileDialogs,
  type FolderOpener,
  type HttpFetch,
  type KeyValueStore,
  type Logger,
  type LogTail,
  type SandboxProvider,
  type SecretCipher,
  type UpdaterPort,
  type Notifier,
  type BadgePort,
  type WindowPort,
  type TrayPort,
  type LoginItemPort
} from './ports'
import { SyncService } from './sync/sync-service'
import { LinkHandler } from './links/link-handler'
import { OfflineStore } from './offline/offline-store'
import { encodeInboxChanges } from '../../shared/ipc/order-list-wire'
import { PendingSender } from './offline/pending-sender'
import { EncryptedFiles } from './storage/encrypted-files'
import { VENDOR_ROLE } from '../../shared/ipc/session-schemas'
import { SessionService } from './session/session-service'
import { SettingsService } from './settings/settings-service'
import { Preferences } from './storage/preferences'
import { TokenVault } from './storage/token-vault'
import { UpdateService } from './updates/update-service'
import { join } from 'node:path'
import { chmodSync, mkdirSync } from 'node:fs'
import { PRIVATE_DIR_MODE } from './storage/secure-file'

export const VAULT_FILE = 'session.json'

/** The app's folder is the user's alone (0700) on macOS and Linux. */
function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (process.platform !== 'win32') chmodSync(folder, PRIVATE_DIR_MODE)
}
import { PickedFiles } from './uploads/picked-files'
import { ReportUploads } from './uploads/report-upload'

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
  /** An omnivms:// link from the OS (second instance, open-url, or the command line at start). */
  openDeepLink(url: string): Promise<void>
  /** "Pause notifications for 1 hour" (minutes > 0) or resume them (0), from the tray. */
  pauseNotifications(minutes: number): void
  /** Closing the window keeps the app in the tray (a setting; by default on Windows and Linux). */
  closesToTray(platform: NodeJS.Platform): boolean
  /** The first close to the tray says so once; true the first time. */
  takeTrayHint(): boolean
  ready: Promise<void>
  dispose(): void
}

/** The main process's logic, wired from ports. Runs unchanged in Electron and in plain Node. */
export function createAppCore(deps: AppCoreDeps): AppCore {
  const clock = deps.clock ?? systemClock
  makePrivateFolder(deps.dataDir)
  const listeners = new Set<EventListener>()
  const emit = <N extends IpcEventName>(name: N, payload: EventPayload<N>) => {
    const parsed = ipcEvents[name].parse(payload)
    for (const listener of listeners) listener(eventChannel(name), parsed)
  }
  const journal = new RequestJournal()
  const settings = new SettingsService(deps.store)
  let sync: SyncService | null = null
  let offlineRef: OfflineStore | null = null
  const offlineStore = () => offlineRef
  const offlineFailed = (error: unknown) => deps.logger.warn('the offline copy could not be opened or removed', { error: error instanceof Error ? error.message : 'unknown' })
  let links: LinkHandler | null = null
  let windowNotice: string | null = deps.store.problem()
  let orderToOpen: OrderRef | null = null
  /** Shows an order: in the open window now, or in the one opening for it. */
  const openOrder = (ref: OrderRef) => {
    orderToOpen = ref
    emit('openOrder', ref)
  }
  let syncingFor: string | null = null
  const session: SessionService = new SessionService({
    vault: new TokenVault(join(deps.dataDir, VAULT_FILE), deps.cipher, deps.logger, deps.store),
    preferences: new Preferences(deps.store, deps.defaultEnvironment ?? 'sandbox'),
    fetch: deps.fetch,
    clock,
    logger: deps.logger,
    sandbox: deps.sandbox,
    journal,
    onStateChanged: (state) => {
      emit('sessionChanged', state)
      // The offline copy is this user's, kept only with a session kept on disk; signing out (or an
      // unreadable vault) removes it. A session that merely ended keeps it for the same user's sign-in.
      if (state.status === 'signedIn') offlineStore()?.open(state.user.id, state.persistence !== 'memory').catch(offlineFailed)
      else if (state.reason !== 'session_ended') offlineStore()?.close().catch(offlineFailed)
      // Sync runs for a signed-in appraiser; another account starts afresh.
      const user = state.status === 'signedIn' && state.user.role === VENDOR_ROLE ? state.user.id : null
      if (user !== syncingFor) {
        sync?.stop()
        syncingFor = user
        if (user) {
          sync?.start()
          void links?.signedIn()
        }
      }
    }
  })
  const ready = session.restore()
  const auth = () => session.requireAuth()
  const inbox = new InboxService(auth, deps.logger)
  const offline = new OfflineStore(new EncryptedFiles(join(deps.dataDir, 'offline'), deps.cipher, deps.logger))
  offlineRef = offline
  const current = session.state
  if (current.status === 'signedIn') offline.open(current.user.id, current.persistence !== 'memory').catch(offlineFailed)
  const actions = new OrderActions(auth, inbox, deps.logger)
  const pendingSender = new PendingSender({
    offline,
    inbox,
    actions,
    applied: (order) => sync?.applyLocal(order),
    notice: (text) => {
      windowNotice = text
      emit('appNotice', text)
    },
    logger: deps.logger
  })
  sync = new SyncService({
    offline,
    sendPending: () => pendingSender.send(),
    inbox,
    signedIn: () => session.state.status === 'signedIn',
    clock,
    logger: deps.logger,
    settings,
    notifier: deps.notifier ?? null,
    badge: deps.badge ?? null,
    tray: deps.tray ?? null,
    window: deps.window ?? null,
    emitChanges: (changes) => emit('inboxChanged', encodeInboxChanges(changes)),
    emitOpenOrder: openOrder
  })
  links = new LinkHandler({
    logger: deps.logger,
    window: deps.window ?? null,
    signedIn: () => syncingFor !== null,
    findOrder: async (orderNumber) => {
      const find = (inbox: { orders: { orderNumber: string; clientId: string; loanId: string; orderId: string }[] }) => inbox.orders.find((o) => o.orderNumber.toLowerCase() === orderNumber.toLowerCase())
      const found = find(await (sync as SyncService).current()) ?? find(await (sync as SyncService).syncNow())
      return found ? { clientId: found.clientId, loanId: found.loanId, orderId: found.orderId } : null
    },
    openOrder,
    openResetPassword: (email, code) => emit('openResetPassword', { email, code }),
    // Kept for a window that is still loading, and sent to one that is open.
    notice: (text) => {
      windowNotice = text
      emit('appNotice', text)
    }
  })
  if (syncingFor) sync.start()
  const picked = new PickedFiles()
  // The upload limit is a setting (UCDP's 15 MB by default); development and tests may fix it.
  const maxUploadBytes = () => deps.maxUploadBytes ?? Math.round(settings.get().uploads.maxFileMb * 1024 * 1024)
  const uploads = new ReportUploads(auth, inbox, picked, maxUploadBytes, (progress) => emit('uploadProgress', progress), deps.logger)
  const updates = new UpdateService({
    updater: deps.updater ?? null,
    feed: () => {
      const { feedUrl, channel } = settings.get().updates
      const url = feedUrl ?? deps.builtInUpdateFeed ?? null
      return url ? { url, channel } : null
    },
    busy: () => uploads.busy,
    clock,
    logger: deps.logger,
    onStatus: (status) => emit('updateStatusChanged', status)
  })
  updates.start()
  const stopWatchingSettings = settings.onChange((next, previous) => {
    if (JSON.stringify(next.updates) !== JSON.stringify(previous.updates)) updates.start()
    if (next.window.openAtLogin !== previous.window.openAtLogin) deps.loginItem?.setOpenAtLogin(next.window.openAtLogin)
    if (next.notifications.pausedUntil !== previous.notifications.pausedUntil) sync?.updateBadge()
  })
  deps.loginItem?.setOpenAtLogin(settings.get().window.openAtLogin)
  const diagnostics = new DiagnosticsService({
    appInfo: deps.appInfo,
    session: () => session.state,
    protection: () => session.protection(),
    updates: () => updates.current,
    journal,
    logTail: deps.logTail,
    dialogs: deps.dialogs,
    clock,
    logger: deps.logger
  })

  const handlers = createIpcHandlers({
    ready,
    session,
    inbox,
    sync,
    offline,
    clock,
    actions,
    uploads,
    picked,
    drafts: new DraftStore(deps.store),
    dialogs: deps.dialogs,
    external: deps.external,
    maxUploadBytes,
    settings,
    updates,
    diagnostics,
    appInfo: deps.appInfo,
    openLogsFolder: () => deps.folders.openFolder(deps.logTail.folder),
    logger: deps.logger,
    takeWindowNotice: () => {
      const notice = windowNotice
      windowNotice = null
      return notice
    },
    takeOrderToOpen: () => {
      const ref = orderToOpen
      orderToOpen = null
      return ref
    }
  })
  const dispatch = createIpcDispatcher(handlers, {
    isTrustedSender: createSenderPolicy(deps.trustedOrigins),
    logger: deps.logger
  })
  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async wake() {
      updates.wake()
      await session.wake()
      if (syncingFor) await sync?.syncNow().catch(() => undefined)
    },
    async syncNow() {
      await sync?.syncNow().catch(() => undefined)
    },
    openDeepLink: (url) => links?.open(url) ?? Promise.resolve(),
    pauseNotifications(minutes) {
      settings.update({ notifications: { pausedUntil: minutes > 0 ? new Date(clock.now() + minutes * 60_000).toISOString() : null } })
    },
    closesToTray: (platform) => settings.get().window.closeToTray ?? platform !== 'darwin',
    takeTrayHint() {
      if (settings.get().window.trayHintShown) return false
      settings.update({ window: { trayHintShown: true } })
      return true
    },
    menuCommand: (command) => emit('menuCommand', command),
    exportDiagnostics: () => diagnostics.exportToFile(),
    setWindowNotice(text) {
      windowNotice = text
    },
    ready,
    dispose() {
      listeners.clear()
      stopWatchingSettings()
      sync?.dispose()
      updates.dispose()
      session.dispose()
    }
  }
}
