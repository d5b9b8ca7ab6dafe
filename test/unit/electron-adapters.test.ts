import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const safeStorage = {
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`enc:${text}`)),
  decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: data.toString().replace(/^enc:/, ''), shouldReEncrypt: false }))
}
const windowOptions: unknown[] = []
class FakeWindow {
  constructor(options: unknown) {
    windowOptions.push(options)
  }
  maximize() {}
  on() {}
  once() {}
  async loadURL() {}
}
vi.mock('electron', () => ({ safeStorage, ipcMain: { handle: vi.fn() }, BrowserWindow: FakeWindow, screen: { getAllDisplays: () => [] } }))

const { createMainWindow } = await import('../../src/main/electron/main-window')
const { applyWebContentsPolicy, denyAllPermissions } = await import('../../src/main/electron/web-contents-policy')
const { senderOf } = await import('../../src/main/electron/ipc-main-adapter')
const { createSafeStorageCipher } = await import('../../src/main/electron/safe-storage-cipher')

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  navigate(event: string, url: string) {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
    this.emit(event, e, url)
    return e.defaultPrevented
  }
}

describe('hardened window', () => {
  /** Settings that would give a page Node, or take the renderer out of its isolation or sandbox (Electron's security checklist). */
  const UNSAFE = { contextIsolation: false, sandbox: false, nodeIntegration: true, nodeIntegrationInWorker: true, nodeIntegrationInSubFrames: true, webSecurity: false, allowRunningInsecureContent: true, webviewTag: true, experimentalFeatures: true, enableBlinkFeatures: expect.anything() }
  const windowFor = (isPackaged: boolean) => {
    const store = { get: () => undefined, set: () => undefined, delete: () => undefined, takeRecoveredFromCorruption: () => false, unavailableReason: () => null }
    createMainWindow({ preloadPath: '/app/preload/index.cjs', url: 'app://omnivms/index.html', isPackaged, store } as unknown as Parameters<typeof createMainWindow>[0])
    return (windowOptions.at(-1) as { webPreferences: Record<string, unknown> }).webPreferences
  }

  it('gives the page none of the settings that would let it out of its sandbox, installed or not', () => {
    for (const isPackaged of [true, false]) {
      const prefs = windowFor(isPackaged)
      const set = Object.entries(UNSAFE).filter(([name]) => name in prefs && (name === 'enableBlinkFeatures' || prefs[name] === UNSAFE[name as keyof typeof UNSAFE]))
      expect(set, `unsafe settings (packaged: ${isPackaged})`).toEqual([])
      // Electron's defaults are safe only from some version on: the window says so itself, whatever the version.
      expect([prefs.contextIsolation, prefs.sandbox, prefs.nodeIntegration]).toEqual([true, true, false])
      expect(prefs.preload).toBe('/app/preload/index.cjs')
    }
  })

  it('has DevTools in development only', () => {
    expect(windowFor(true).devTools).toBe(false)
    expect(windowFor(false).devTools).toBe(true)
  })

  describe('web contents policy', () => {
    let contents: FakeContents
    let opened: string[]
    beforeEach(() => {
      contents = new FakeContents()
      opened = []
      applyWebContentsPolicy(contents as never, ['app://omnivms'], async (url) => void opened.push(url))
    })

    it('keeps navigation inside the app and sends vetted links to the browser', () => {
      expect(contents.navigate('will-navigate', 'app://omnivms/index.html')).toBe(false)
      expect(contents.navigate('will-navigate', 'https://omnivms.com/help')).toBe(true)
      expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
      expect(contents.navigate('will-redirect', 'https://elsewhere.example')).toBe(true)
      expect(contents.navigate('will-attach-webview', 'app://omnivms/')).toBe(true)
      expect(opened).toEqual(['https://omnivms.com/help'])
    })

    it('denies every new window, opening only safe links externally', () => {
      expect(contents.windowOpenHandler?.({ url: 'mailto:help@omnivms.com' })).toEqual({ action: 'deny' })
      expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
      expect(opened).toEqual(['mailto:help@omnivms.com'])
    })
  })

  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let checkHandler: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h)
    } as never)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) requestHandler?.({}, permission, (g) => answers.push(g))
    expect(answers).toEqual([false, false, false, false])
    expect(checkHandler?.()).toBe(false)
  })

  it('reports the sender frame and whether it is the main frame', () => {
    const mainFrame = { url: 'app://omnivms/index.html' }
    const child = { url: 'app://omnivms/frame.html' }
    expect(senderOf({ senderFrame: mainFrame, sender: { mainFrame } } as never)).toEqual({ url: 'app://omnivms/index.html', isMainFrame: true })
    expect(senderOf({ senderFrame: child, sender: { mainFrame } } as never)).toEqual({ url: 'app://omnivms/frame.html', isMainFrame: false })
    expect(senderOf({ senderFrame: null, sender: { mainFrame } } as never)).toEqual({ url: '', isMainFrame: false })
  })
})

describe('safeStorage cipher', () => {
  it('uses the async API and names the backend per platform', async () => {
    const linux = createSafeStorageCipher('linux')
    expect(await linux.backend()).toBe('gnome_libsecret')
    safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text')
    expect(await linux.backend()).toBe('basic_text')
    expect(await createSafeStorageCipher('darwin').backend()).toBe('keychain')
    expect(await createSafeStorageCipher('win32').backend()).toBe('dpapi')
    const sealed = await linux.encrypt('secret')
    expect(await linux.decrypt(sealed)).toBe('secret')
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('secret')
  })
})
