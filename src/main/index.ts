/** Electron's main entry: the app's lifecycle, the single-instance lock, links, and the core wired to Electron's ports. */
import { app, BrowserWindow, dialog, Notification, powerMonitor, session, shell } from 'electron'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/csp'
import { createEmbeddedSandbox } from './embedded-sandbox'
import { createAppCore, type AppCore } from './core/app-core'
import { SMOKE_DEADLINE_MS, smokeReportPath } from './core/smoke/smoke-test'
import { readDevOverrides, type DevOverrides } from './core/dev-overrides'
import { desktopEntryFilesOnDisk, registerAppImageLinks } from './core/links/appimage-registration'
import { linkFromArgv } from './core/links/deep-links'
import { openExternalLink } from './core/links/external-links'
import { builtInFeedOf, policyFilesOfApp, readFeedPolicy, type FeedPolicy } from './core/updates/update-feed-policy'
import { originOf } from './core/ipc/sender-policy'
import { createLogger } from './core/logger'
import { KnownPersonalValues } from './core/privacy/known-personal-values'
import { createFileLog } from './core/logging/file-log'
import { applicationMenu } from './core/menu/app-menu'
import { runMenuAction } from './core/menu/menu-actions'
import { createSystemFetch, trustedCertificates } from './core/net/system-fetch'
import { CrashGuard, RELOADED_NOTICE } from './core/window/crash-guard'
import { QUIT_WAIT_MS, TRAY_HINT, onRendererGone, onWindowClose, quitsWhenLastWindowCloses, settleWithin } from './core/window/window-lifecycle'
import { systemClock, type ExternalOpener } from './core/ports'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { electronAppInfo } from './electron/app-info'
import { electronFileDialogs } from './electron/file-dialogs'
import { forwardEvents, registerIpc } from './electron/ipc-main-adapter'
import { createMainWindow } from './electron/main-window'
import { attachContextMenu, installApplicationMenu } from './electron/menus'
import { createSafeStorageCipher } from './electron/safe-storage-cipher'
import { runSmokeTestAndExit } from './electron/smoke-steps'
import { createSettingsStore } from './electron/settings-store'
import { createElectronUpdater } from './electron/updater'
import { createElectronBadge, createElectronNotifier, createElectronTray, electronLoginItem } from './electron/desktop-integration'
import { applyWebContentsPolicy, denyAllPermissions } from './electron/web-contents-policy'

const PRODUCT_NAME = 'OmniValVMS Desktop'

async function readTextIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

function readTextSync(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function fatal(message: string): void {
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message)
  app.exit(1)
}

const overrides = readDevOverrides(process.env, app.isPackaged)
/** undefined: the --smoke-test flag was given without a path (said, and the app exits 2 without starting). */
let smokeReport: string | null | undefined
try {
  smokeReport = smokeReportPath(process.argv)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  app.exit(2)
}
if (smokeReport === undefined) {
  // Not started: the exit above is under way.
} else if (overrides.ok) main(overrides.value, smokeReport)
else fatal(`${overrides.message}\n\nFix or unset the variable and start the app again.`)

function main(dev: DevOverrides, smokeReport: string | null): void {
  // --smoke-test: a temporary profile (never the user's), and nothing that touches the OS's settings.
  const smokeProfile = smokeReport ? mkdtempSync(join(tmpdir(), 'omnivms-smoke-')) : null
  if (smokeProfile) {
    app.setPath('userData', smokeProfile)
    // Whatever happens, the run ends within its deadline.
    setTimeout(() => app.exit(3), SMOKE_DEADLINE_MS + 5_000).unref()
  }
  // A separate profile for tests and demos; must be set before anything reads userData.
  else if (dev.userDataDir) app.setPath('userData', dev.userDataDir)

  const fileLog = createFileLog(app.getPath('logs'), { echoToConsole: !app.isPackaged })
  // The active session's borrower names, masked in the log's free text; the session that set them empties it.
  const knownPersonal = new KnownPersonalValues()
  const logger = createLogger(fileLog.sink, knownPersonal)
  let core: AppCore | null = null
  /** Quitting for real (tray → Quit, the app menu, an update): the window may close. */
  let quitting = false
  let mainWindow: BrowserWindow | null = null

  // Logged, never fatal while a window is open; a window-less process must not keep the single-instance lock.
  const exitIfWindowless = () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) app.exit(1)
  }
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception in main', { error: error.name, message: error.message, stack: error.stack ?? null })
    exitIfWindowless()
  })
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection in main', { reason: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason) })
  })

  registerAppScheme()

  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])]
  const external: ExternalOpener = {
    // Reached only through openExternalLink: http(s) or mailto, and asked first unless it is our help pages.
    open: (url: string) => shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK - vetted and confirmed by openExternalLink first */,
    async confirm(link) {
      // The words are the link policy's (core/links/external-links.ts); this only shows them.
      const options = { type: 'question' as const, buttons: [link.confirmLabel, 'Cancel'], defaultId: 1, cancelId: 1, message: link.message, detail: link.detail }
      const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
      return response === 0
    }
  }
  const openExternal = async (url: string) => {
    await openExternalLink(url, external)
  }
  const sandbox = createEmbeddedSandbox(join(app.getPath('userData'), 'sandbox'), dev.sandboxUrl ?? undefined)
  const crashGuard = new CrashGuard(systemClock)
  const badge = createElectronBadge()

  function openMainWindow(appCore: AppCore, store: Parameters<typeof createMainWindow>[0]['store']): void {
    const url = devServerUrl ?? `${APP_ORIGIN}/index.html`
    const window = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), url, isPackaged: app.isPackaged, store })
    mainWindow = window
    badge.attach(window)
    forwardEvents(appCore, window.webContents)
    attachContextMenu(window.webContents)
    window.webContents.on('render-process-gone', (_event, details) => {
      const next = onRendererGone(details.reason, crashGuard)
      if (next === 'ignore') return
      logger.error('the window stopped (renderer process gone)', { reason: details.reason, exitCode: details.exitCode })
      if (next === 'reload') {
        appCore.setWindowNotice(RELOADED_NOTICE)
        window.webContents.reload()
      } else {
        logger.error('the window keeps stopping; showing the error page instead of reloading again')
        void window.loadURL(`${APP_ORIGIN}/crashed.html`)
      }
    })
    window.on('unresponsive', () => logger.warn('the window is not responding'))
    // Closing the window keeps the app (and its sync and notifications) running in the tray.
    window.on('close', (event) => {
      if (onWindowClose({ quitting, closesToTray: appCore.closesToTray(process.platform) }) === 'close') return
      event.preventDefault()
      window.hide()
      if (appCore.takeTrayHint() && Notification.isSupported()) new Notification(TRAY_HINT).show()
    })
    window.on('closed', () => {
      mainWindow = null
    })
  }

  function focusMainWindow(): void {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  }

  // omnivms:// links: the OS starts or wakes the app with them (argv on Windows/Linux, open-url on macOS).
  let pendingLink = linkFromArgv(process.argv)
  const openLink = (url: string) => {
    if (core) void core.openDeepLink(url)
    else pendingLink = url
  }
  // Reviewed: omnivms:// links only open an order or a password reset inside the app (deep-links.ts parses them strictly).
  if (smokeProfile) {
    // The smoke test leaves the OS's link handler as it is.
  } else if (app.isPackaged) app.setAsDefaultProtocolClient('omnivms') /* eng-disable PROTOCOL_HANDLER_JS_CHECK - strict parser in deep-links.ts */
  else if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient('omnivms', process.execPath, [join(process.cwd(), process.argv[1])]) /* eng-disable PROTOCOL_HANDLER_JS_CHECK - dev only, same parser */

  if (!app.requestSingleInstanceLock()) {
    app.quit()
  } else {
    app.on('second-instance', (_event, argv) => {
      focusMainWindow()
      const link = linkFromArgv(argv)
      if (link) openLink(link)
    })
    app.on('open-url', (event, url) => {
      event.preventDefault()
      openLink(url)
    })
    app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, appOrigins, openExternal))

    app
      .whenReady()
      .then(async () => {
        // An organisation's own update feed: from a policy file an administrator placed (README → Release).
        const updateFeedPolicy: FeedPolicy = app.isPackaged ? await readFeedPolicy(policyFilesOfApp(process.platform, process), readTextIfPresent) : { url: null, problem: null }
        serveRenderer(join(import.meta.dirname, '../renderer'))
        denyAllPermissions(session.defaultSession)
        const store = createSettingsStore(logger)
        const cipher = createSafeStorageCipher()
        const appCore = createAppCore({
          dataDir: app.getPath('userData'),
          store,
          cipher,
          fetch: createSystemFetch({ resolveProxy: (url) => session.defaultSession.resolveProxy(url), logger, ca: trustedCertificates() }),
          logger,
          knownPersonal,
          sandbox,
          external,
          dialogs: electronFileDialogs,
          folders: { openFolder: async (path) => void (await shell.openPath(path)) },
          logTail: fileLog.tail,
          appInfo: electronAppInfo(),
          maxUploadBytes: dev.maxUploadBytes ?? undefined,
          trustedOrigins: appOrigins,
          updater: app.isPackaged && !smokeProfile ? createElectronUpdater(logger) : null,
          builtInUpdateFeed: app.isPackaged ? builtInFeedOf(readTextSync(join(app.getAppPath(), 'package.json'))) : null,
          updateFeedPolicy,
          defaultEnvironment: app.isPackaged ? 'production' : 'sandbox',
          notifier: createElectronNotifier(),
          badge,
          printer: {
            windowToPdf: async () => {
              if (!mainWindow) throw new Error('no window to print')
              return mainWindow.webContents.printToPDF({ pageSize: 'Letter', printBackground: false })
            }
          },
          tray: createElectronTray({
            open: () => {
              if (!mainWindow && core) openMainWindow(core, store)
              focusMainWindow()
            },
            pause: (minutes) => core?.pauseNotifications(minutes),
            quit: () => {
              quitting = true
              app.quit()
            }
          }),
          loginItem: smokeProfile ? null : electronLoginItem,
          window: {
            show: () => {
              if (!mainWindow && core) openMainWindow(core, store)
              focusMainWindow()
            }
          }
        })
        core = appCore
        registerIpc(appCore)
        installApplicationMenu(applicationMenu({ platform: process.platform, isPackaged: app.isPackaged, productName: PRODUCT_NAME }), {
          command: (command) => {
            focusMainWindow()
            appCore.menuCommand(command)
          },
          action: (action) =>
            runMenuAction(action, {
              exportDiagnostics: () => appCore.exportDiagnostics(),
              showError: (title, message) => dialog.showErrorBox(title, message),
              openLogsFolder: () => void shell.openPath(fileLog.tail.folder),
              showInWindow: (command) => {
                focusMainWindow()
                appCore.menuCommand({ command })
              },
              quit: () => app.quit()
            })
        })
        powerMonitor.on('resume', () => void appCore.wake())
        powerMonitor.on('unlock-screen', () => void appCore.wake())
        openMainWindow(appCore, store)
        app.on('activate', () => {
          if (BrowserWindow.getAllWindows().length === 0) openMainWindow(appCore, store)
        })
        logger.info('started', { version: app.getVersion(), packaged: app.isPackaged })
        if (app.isPackaged && !smokeProfile) {
          // An AppImage has no desktop entry to claim omnivms:// (the .deb's does): it writes its own.
          void registerAppImageLinks({ platform: process.platform, env: process.env, home: app.getPath('home') }, desktopEntryFilesOnDisk).then(
            (outcome) => outcome === 'registered' && logger.info('omnivms:// links registered for this AppImage'),
            (error: unknown) => logger.warn('omnivms:// links could not be registered for this AppImage', { error: error instanceof Error ? error.message : 'unknown' })
          )
        }
        if (smokeReport && smokeProfile) {
          runSmokeTestAndExit({
            reportPath: smokeReport,
            profile: smokeProfile,
            core: appCore,
            window: () => mainWindow,
            cipher,
            logger,
            beforeExit: () => {
              quitting = true
            }
          })
        }
        if (pendingLink) {
          const link = pendingLink
          pendingLink = null
          void appCore.ready.then(() => appCore.openDeepLink(link))
        }
      })
      .catch((error: unknown) => {
        logger.error('start-up failed', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
        fatal(`Something went wrong while starting. Details are in the log file:\n${fileLog.tail.folder}`)
      })

    app.on('before-quit', () => {
      quitting = true
    })

    app.on('window-all-closed', () => {
      if (quitsWhenLastWindowCloses(process.platform)) app.quit()
    })

    app.on('will-quit', (event) => {
      if (!core) return
      const stopping = core.dispose()
      core = null
      event.preventDefault()
      // What the session asked to write (the offline copy, the queue) lands before the process ends —
      // unless the disk or the keychain hangs: quitting never waits more than QUIT_WAIT_MS.
      void settleWithin([stopping, sandbox.close()], QUIT_WAIT_MS, systemClock).finally(() => app.quit())
    })
  }
}
