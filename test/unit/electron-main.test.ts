import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { IPC_CALL_NAMES, callChannel } from '../../src/shared/ipc/contract'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

/**
 * The real main entry (src/main/index.ts) started with the `electron` module substituted: what it
 * registers with Electron is captured and driven here as Electron would drive it.
 */
const captured = vi.hoisted(() => ({
  userData: '',
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string | null }[],
  appEvents: new Map<string, (...args: unknown[]) => void>()
}))

vi.mock('electron', () => {
  const webContents = { send: vi.fn(), on: vi.fn(), once: vi.fn(), isDestroyed: () => false, setWindowOpenHandler: vi.fn() }
  class BrowserWindow {
    webContents = webContents
    private record: { options: { webPreferences: Record<string, unknown> }; url: string | null }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.record = { options, url: null }
      captured.windows.push(this.record)
    }
    once() {}
    on() {}
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
      isPackaged: true,
      setPath: vi.fn(),
      getPath: () => captured.userData,
      getVersion: () => '0.1.0',
      getName: () => 'OmniValVMS Desktop',
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: (...args: unknown[]) => void) => captured.appEvents.set(event, handler),
      whenReady: () => Promise.resolve(),
      quit: vi.fn()
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        captured.protocolHandler = handler
      }
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    powerMonitor: { on: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: {
      on: vi.fn(),
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => captured.ipc.set(channel, handler)
    },
    safeStorage: {
      getSelectedStorageBackend: () => 'gnome_libsecret',
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
      decryptStringAsync: async (data: Buffer) => ({ result: Buffer.from(Buffer.from(data).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false })
    },
    BrowserWindow
  }
  // electron-store imports the default export.
  return { ...electron, default: electron }
})

let sandbox: RunningSandbox
const mainFrame = { url: 'app://omnivms/index.html' }
const appEvent = { senderFrame: mainFrame, sender: { mainFrame } }
const invoke = (name: (typeof IPC_CALL_NAMES)[number], payload?: unknown, event: unknown = appEvent) => {
  const handler = captured.ipc.get(callChannel(name))
  if (!handler) throw new Error(`no handler for ${name}`)
  return handler(event, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>
}

beforeAll(async () => {
  sandbox = await startSandboxServer()
  captured.userData = mkdtempSync(join(tmpdir(), 'omnivms-electron-main-'))
  process.env.OMNIVMS_SANDBOX_URL = sandbox.url
  await import('../../src/main/index')
  await vi.waitFor(() => expect(captured.windows).toHaveLength(1))
})
afterAll(async () => {
  delete process.env.OMNIVMS_SANDBOX_URL
  await sandbox.close()
  rmSync(captured.userData, { recursive: true, force: true })
})

describe('the Electron main entry', () => {
  it('opens one hardened window on the app:// origin', () => {
    const [window] = captured.windows
    expect(window?.url).toBe('app://omnivms/index.html')
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(captured.appEvents.has('web-contents-created')).toBe(true)
    expect(captured.appEvents.has('second-instance')).toBe(true)
  })

  it('serves only the renderer files, with the CSP', async () => {
    const handler = captured.protocolHandler
    if (!handler) throw new Error('no app:// handler')
    const index = await handler(new Request('app://omnivms/index.html'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await index.text()).toContain('<div id="root">')
    expect((await handler(new Request('app://omnivms/..%2F..%2Fpackage.json'))).status).toBe(404)
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('registers one validated handler per contract call and refuses foreign senders', async () => {
    expect([...captured.ipc.keys()].sort()).toEqual(IPC_CALL_NAMES.map(callChannel).sort())
    expect(await invoke('getSessionState')).toMatchObject({ ok: true, value: { status: 'signedOut' } })
    const foreign = { url: 'https://evil.example/' }
    expect(await invoke('getSessionState', undefined, { senderFrame: foreign, sender: { mainFrame: foreign } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' }
    })
  })

  it('signs in through IPC, keeping the tokens encrypted by safeStorage in electron-store', async () => {
    const result = await invoke('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
    expect(result).toMatchObject({ ok: true, value: { status: 'signedIn', persistence: 'encrypted' } })
    const disk = readFileSync(join(captured.userData, 'config.json'), 'utf8')
    expect(disk).toMatch(/"backend":\s*"gnome_libsecret"/)
    for (const s of sandbox.sandbox.validSessions()) {
      expect(disk).not.toContain(s.accessToken)
      expect(disk).not.toContain(s.refreshToken ?? 'none')
    }
    expect(await invoke('listOrders')).toMatchObject({ ok: true })
  })
})
