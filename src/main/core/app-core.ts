/** Wires the main process's logic from its ports; runs unchanged in Electron and in plain Node. No policy lives here. */
import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { eventChannel, ipcEvents, type EventPayload, type IpcEventName } from '../../shared/ipc/contract'
import type { AppCore, AppCoreDeps, EventListener } from './app-core-contract'
import { DiagnosticsService } from './diagnostics/diagnostics-service'
import { createIpcDispatcher } from './ipc/dispatcher'
import { createIpcHandlers } from './ipc/handlers'
import { createSenderPolicy } from './ipc/sender-policy'
import { LinkHandler } from './links/link-handler'
import { PlatformClient } from './platform/platform-client'
import { RequestJournal } from './platform/request-journal'
import { systemClock } from './ports'
import { PasswordRecovery } from './session/password-recovery'
import { SessionService } from './session/session-service'
import { createSessionServices } from './session/session-services'
import { DesktopPreferences } from './settings/desktop-preferences'
import { SettingsService } from './settings/settings-service'
import { applySettingsEffects, uploadLimitBytes } from './settings/settings-effects'
import { Preferences } from './storage/preferences'
import { PRIVATE_DIR_MODE } from './storage/secure-file'
import { TokenVault } from './storage/token-vault'
import { feedInForce } from './updates/update-feed-policy'
import { UpdateService } from './updates/update-service'
import { WindowMailbox } from './window/window-mailbox'

export const VAULT_FILE = 'session.json'
export type { AppCore, AppCoreDeps, EventListener } from './app-core-contract'

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
  const maxUploadBytes = () => deps.maxUploadBytes ?? uploadLimitBytes(settings.get())
  const links: LinkHandler = new LinkHandler({
    logger: deps.logger,
    window: deps.window ?? null,
    signedIn: () => session.activeServices()?.sync != null,
    findOrder: async (orderNumber) => (await session.activeServices()?.work.findByNumber(orderNumber)) ?? null,
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
        {
          clock,
          logger: deps.logger,
          settings,
          notifier: deps.notifier ?? null,
          badge: deps.badge ?? null,
          tray: deps.tray ?? null,
          window: deps.window ?? null,
          emit,
          openOrder: (ref) => mailbox.openOrder(ref),
          notice: (text) => mailbox.tell(text),
          maxUploadBytes,
          legacyStore: deps.store,
          knownPersonal: deps.knownPersonal ?? null
        },
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
    feed: () => ({ ...feedInForce(deps.updateFeedPolicy ?? { url: null, problem: null }, deps.builtInUpdateFeed ?? null), channel: settings.get().updates.channel }),
    currentVersion: deps.appInfo.version,
    busy: () => session.activeServices()?.uploads.busy ?? false,
    clock,
    logger: deps.logger,
    onStatus: (status) => emit('updateStatusChanged', status)
  })
  updates.start()
  const stopWatchingSettings = applySettingsEffects(settings, {
    restartUpdates: () => updates.start(),
    setOpenAtLogin: (open) => deps.loginItem?.setOpenAtLogin(open),
    showCounts: () => session.activeServices()?.sync?.updateBadge()
  })
  const diagnostics = new DiagnosticsService({ appInfo: deps.appInfo, session: () => session.state, protection: () => session.protection(), updates: () => updates.current, journal, logTail: deps.logTail, dialogs: deps.dialogs, clock, logger: deps.logger })
  const handlers = createIpcHandlers({
    ready,
    session,
    recovery: new PasswordRecovery({ sandbox: deps.sandbox, preferences, client }),
    dialogs: deps.dialogs,
    printer: deps.printer ?? null,
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
  /** A sync from now, and the sending of queued actions it started. */
  const syncNow = async () => {
    const services = session.activeServices()
    await services?.sync?.refreshFromNow().catch(() => undefined)
    await services?.sender.idle()
  }
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
