/** The hardened app window: its web preferences, place, and what it may load. */
import { BrowserWindow, screen } from 'electron'
import type { KeyValueStore } from '../core/ports'
import { loadWindowState, restoreWindowState, saveWindowState } from '../core/window/window-state'

const DEFAULT_SIZE = { width: 1360, height: 880, minWidth: 960, minHeight: 600 }

/** The main window, where it was last time (if that display still exists); its place is remembered. */
export function createMainWindow(options: { preloadPath: string; url: string; isPackaged: boolean; store: KeyValueStore }): BrowserWindow {
  const restored = restoreWindowState(
    loadWindowState(options.store),
    screen.getAllDisplays().map((d) => d.workArea),
    DEFAULT_SIZE
  )
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    ...restored.bounds,
    show: false,
    title: 'OmniValVMS Desktop',
    backgroundColor: '#101418',
    autoHideMenuBar: false,
    // Written out here, where the window is made, so a reviewer and a scanner both read them.
    webPreferences: {
      preload: options.preloadPath /* eng-disable PRELOAD_JS_CHECK - our own bundled preload: the typed bridge, nothing else */,
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
      spellcheck: true,
      // A middle click must not open a link in a new window (Electronegativity: AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      // No DevTools in an installed app.
      devTools: !options.isPackaged
    }
  })
  if (restored.maximized) window.maximize()
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  const save = () => {
    if (window.isDestroyed()) return
    const { x, y, width, height } = window.getNormalBounds()
    saveWindowState(options.store, { bounds: { x, y, width, height }, maximized: window.isMaximized() })
  }
  const saveSoon = () => {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = setTimeout(save, 500)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer)
    save()
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}
