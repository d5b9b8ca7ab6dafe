import { vi } from 'vitest'

/** What the substituted `electron` module saw the main entry register, to be driven like Electron would. */
export interface ElectronCapture {
  userData: string
  logs: string
  isPackaged: boolean
  protocolHandler: null | ((request: Request) => Promise<Response>)
  ipcHandlers: Map<string, (event: unknown, payload: unknown) => Promise<unknown>>
  ipcListeners: Map<string, unknown[]>
  windows: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; url: string | null; contentsEvents: Map<string, (...args: unknown[]) => void>; reloads: number; maximized: boolean }[]
  appEvents: Map<string, (...args: unknown[]) => void>
  menu: unknown[] | null
  errorBoxes: { title: string; content: string }[]
  exits: number[]
  setPaths: [string, string][]
}

export function newCapture(isPackaged: boolean): ElectronCapture {
  return {
    userData: '',
    logs: '',
    isPackaged,
    protocolHandler: null,
    ipcHandlers: new Map(),
    ipcListeners: new Map(),
    windows: [],
    appEvents: new Map(),
    menu: null,
    errorBoxes: [],
    exits: [],
    setPaths: []
  }
}

/** A stand-in for the `electron` module that records what the app registers. */
export function electronMock(captured: ElectronCapture) {
  class BrowserWindow {
    readonly record: ElectronCapture['windows'][number]
    webContents: Record<string, unknown>
    constructor(options: ElectronCapture['windows'][number]['options']) {
      const record: ElectronCapture['windows'][number] = { options, url: null, contentsEvents: new Map(), reloads: 0, maximized: false }
      this.record = record
      captured.windows.push(record)
      this.webContents = {
        send: vi.fn(),
        on: (event: string, handler: (...args: unknown[]) => void) => record.contentsEvents.set(event, handler),
        once: vi.fn(),
        isDestroyed: () => false,
        setWindowOpenHandler: vi.fn(),
        reload: () => void record.reloads++,
        session: { addWordToSpellCheckerDictionary: vi.fn() }
      }
    }
    once() {}
    on() {}
    isDestroyed() {
      return false
    }
    maximize() {
      this.record.maximized = true
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1360, height: 880 }
    }
    isMaximized() {
      return this.record.maximized
    }
    async loadURL(url: string) {
      this.record.url = url
    }
    static getAllWindows() {
      return captured.windows
    }
    static getFocusedWindow() {
      return null
    }
  }
  const electron = {
    app: {
      get isPackaged() {
        return captured.isPackaged
      },
      setPath: (name: string, value: string) => void captured.setPaths.push([name, value]),
      getPath: (name: string) => (name === 'logs' ? captured.logs : captured.userData),
      getAppPath: () => captured.userData,
      getVersion: () => '0.1.0',
      getName: () => 'OmniValVMS Desktop',
      isReady: () => true,
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: (...args: unknown[]) => void) => captured.appEvents.set(event, handler),
      whenReady: () => Promise.resolve(),
      quit: vi.fn(),
      exit: (code: number) => void captured.exits.push(code),
      setBadgeCount: vi.fn(() => true),
      setAsDefaultProtocolClient: vi.fn(() => true),
      setLoginItemSettings: vi.fn()
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        captured.protocolHandler = handler
      }
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), resolveProxy: async () => 'DIRECT' } },
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    powerMonitor: { on: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
      showErrorBox: (title: string, content: string) => void captured.errorBoxes.push({ title, content })
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template, popup: vi.fn() }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        captured.menu = menu.template
      }
    },
    ipcMain: {
      on: (channel: string, listener: unknown) => captured.ipcListeners.set(channel, [...(captured.ipcListeners.get(channel) ?? []), listener]),
      removeAllListeners: (channel: string) => void captured.ipcListeners.delete(channel),
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => captured.ipcHandlers.set(channel, handler)
    },
    safeStorage: {
      getSelectedStorageBackend: () => 'gnome_libsecret',
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
      decryptStringAsync: async (data: Buffer) => ({ result: Buffer.from(Buffer.from(data).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false })
    },
    Tray: class {
      on() {}
      setToolTip() {}
      setContextMenu() {}
    },
    nativeImage: { createFromDataURL: () => ({}) },
    Notification: Object.assign(
      class {
        on() {}
        show() {}
      },
      { isSupported: () => true }
    ),
    BrowserWindow
  }
  // electron-store imports the default export.
  return { ...electron, default: electron }
}
