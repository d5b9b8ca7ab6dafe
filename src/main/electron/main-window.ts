import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron'

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true
  }
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'OmniValVMS Desktop',
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath)
  }
}

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
