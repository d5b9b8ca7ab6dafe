import { app, BrowserWindow, powerMonitor, session, shell } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN } from '../shared/csp'
import { createEmbeddedSandbox } from '../sandbox/embedded'
import { createAppCore, type AppCore } from './core/app-core'
import { originOf } from './core/ipc/sender-policy'
import { consoleLogger } from './core/logger'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { forwardEvents, registerIpc } from './electron/ipc-main-adapter'
import { electronFileDialogs } from './electron/file-dialogs'
import { createMainWindow } from './electron/main-window'
import { createSafeStorageCipher } from './electron/safe-storage-cipher'
import { createSettingsStore } from './electron/settings-store'
import { applyWebContentsPolicy, denyAllPermissions } from './electron/web-contents-policy'

// A separate profile for tests and demos; must be set before anything reads userData.
if (process.env.OMNIVMS_USER_DATA_DIR) app.setPath('userData', process.env.OMNIVMS_USER_DATA_DIR)

registerAppScheme()

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])]
const openExternal = (url: string) => shell.openExternal(url)

let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null
const sandbox = createEmbeddedSandbox(join(app.getPath('userData'), 'sandbox'), process.env.OMNIVMS_SANDBOX_URL)

function openMainWindow(appCore: AppCore): void {
  const url = devServerUrl ?? `${APP_ORIGIN}/index.html`
  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), url)
  forwardEvents(appCore, mainWindow.webContents)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, appOrigins, openExternal))

  void app.whenReady().then(() => {
    serveRenderer(join(import.meta.dirname, '../renderer'))
    denyAllPermissions(session.defaultSession)
    const appCore = createAppCore({
      store: createSettingsStore(consoleLogger),
      cipher: createSafeStorageCipher(),
      fetch: (input, init) => fetch(input, init),
      logger: consoleLogger,
      sandbox,
      external: { open: openExternal },
      dialogs: electronFileDialogs,
      maxUploadBytes: process.env.OMNIVMS_MAX_UPLOAD_MB ? Number(process.env.OMNIVMS_MAX_UPLOAD_MB) * 1024 * 1024 : undefined,
      trustedOrigins: appOrigins
    })
    core = appCore
    registerIpc(appCore)
    powerMonitor.on('resume', () => void appCore.wake())
    powerMonitor.on('unlock-screen', () => void appCore.wake())
    openMainWindow(appCore)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow(appCore)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', (event) => {
    if (!core) return
    core.dispose()
    core = null
    event.preventDefault()
    void sandbox.close().finally(() => app.quit())
  })
}
