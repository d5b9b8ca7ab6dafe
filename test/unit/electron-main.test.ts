import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { IPC_CALL_NAMES, callChannel } from '../../src/shared/ipc/contract'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { RELOADED_NOTICE } from '../../src/main/core/window/crash-guard'
import { newCapture, type ElectronCapture } from '../support/electron-mock'

/**
 * The real main entry (src/main/index.ts), unpackaged (npm start), started with the `electron`
 * module substituted: what it registers with Electron is captured and driven here as Electron would.
 */
const captured = vi.hoisted(() => ({ current: null as ElectronCapture | null }))
vi.mock('electron', async () => {
  const { electronMock, newCapture: fresh } = await import('../support/electron-mock')
  captured.current = fresh(false)
  return electronMock(captured.current)
})
const cap = () => captured.current ?? newCapture(false)

let sandbox: RunningSandbox
const mainFrame = { url: 'app://omnivms/index.html' }
const appEvent = { senderFrame: mainFrame, sender: { mainFrame } }
const invoke = (name: (typeof IPC_CALL_NAMES)[number], payload?: unknown, event: unknown = appEvent) => {
  const handler = cap().ipcHandlers.get(callChannel(name))
  if (!handler) throw new Error(`no handler for ${name}`)
  return handler(event, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>
}

beforeAll(async () => {
  sandbox = await startSandboxServer()
  const { default: electron } = (await import('electron')) as unknown as { default: unknown }
  expect(electron).toBeDefined()
  cap().userData = mkdtempSync(join(tmpdir(), 'omnivms-electron-main-'))
  cap().logs = join(cap().userData, 'logs')
  process.env.OMNIVMS_SANDBOX_URL = sandbox.url
  await import('../../src/main/index')
  await vi.waitFor(() => expect(cap().windows).toHaveLength(1))
})
afterAll(async () => {
  cap().appEvents.get('will-quit')?.({ preventDefault() {} })
  delete process.env.OMNIVMS_SANDBOX_URL
  await sandbox.close()
  rmSync(cap().userData, { recursive: true, force: true })
})

describe('the Electron main entry', () => {
  it('opens one hardened window on the app:// origin', () => {
    const [window] = cap().windows
    expect(window?.url).toBe('app://omnivms/index.html')
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: true })
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(cap().appEvents.has('web-contents-created')).toBe(true)
    expect(cap().appEvents.has('second-instance')).toBe(true)
  })

  it('serves only the renderer files, with the CSP', async () => {
    const handler = cap().protocolHandler
    if (!handler) throw new Error('no app:// handler')
    const index = await handler(new Request('app://omnivms/index.html'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await index.text()).toContain('<div id="root">')
    expect((await handler(new Request('app://omnivms/crashed.html'))).status).toBe(200)
    expect((await handler(new Request('app://omnivms/..%2F..%2Fpackage.json'))).status).toBe(404)
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('registers app:// as a standard, secure scheme whose scripts V8 keeps compiled between launches', async () => {
    const { protocol } = (await import('electron')) as unknown as { protocol: { registerSchemesAsPrivileged: ReturnType<typeof vi.fn> } }
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }])
  })

  it('registers one validated handler per contract call, and no IPC listener outside the contract', async () => {
    expect([...cap().ipcHandlers.keys()].sort()).toEqual(IPC_CALL_NAMES.map(callChannel).sort())
    // electron-store and electron-log each register a channel of their own unless removed.
    expect([...cap().ipcListeners.keys()]).toEqual([])
    expect(await invoke('getSessionState')).toMatchObject({ ok: true, value: { status: 'signedOut', lastEnvironment: { kind: 'sandbox' } } })
    const foreign = { url: 'https://evil.example/' }
    expect(await invoke('getSessionState', undefined, { senderFrame: foreign, sender: { mainFrame: foreign } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' }
    })
  })

  it('signs in through IPC, keeping the tokens encrypted by safeStorage in electron-store', async () => {
    const result = await invoke('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
    expect(result).toMatchObject({ ok: true, value: { status: 'signedIn', persistence: 'encrypted' } })
    const disk = readFileSync(join(cap().userData, 'session.json'), 'utf8') + readFileSync(join(cap().userData, 'config.json'), 'utf8')
    expect(disk).toMatch(/"backend":\s*"gnome_libsecret"/)
    const issued = sandbox.sandbox.issuedTokens()
    expect(issued.length).toBeGreaterThan(0)
    for (const token of issued) expect(disk).not.toContain(token)
    expect(await invoke('listOrders')).toMatchObject({ ok: true })
  })

  it('writes a log file in the OS log folder, with no token in it', () => {
    const log = readFileSync(join(cap().logs, 'main.log'), 'utf8')
    expect(log).toContain('signed in')
    for (const token of sandbox.sandbox.issuedTokens()) expect(log).not.toContain(token)
  })

  it('gives text and inputs a context menu with spelling suggestions', () => {
    const onContextMenu = cap().windows[0]?.contentsEvents.get('context-menu')
    expect(onContextMenu).toBeDefined()
    expect(() =>
      onContextMenu?.({}, { isEditable: true, selectionText: '', misspelledWord: 'apprasal', dictionarySuggestions: ['appraisal'], editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } })
    ).not.toThrow()
  })

  it('offers developer reload and DevTools only in the unpackaged app', () => {
    const text = JSON.stringify(cap().menu)
    expect(text).toContain('"role":"toggleDevTools"')
    expect(text).not.toContain('"role":"reload"')
  })

  it('reloads a crashed window with a message, and shows the error page after three crashes in a minute', async () => {
    const window = cap().windows[0]
    const gone = window?.contentsEvents.get('render-process-gone')
    if (!window || !gone) throw new Error('no render-process-gone handler')
    gone({}, { reason: 'crashed', exitCode: 11 })
    expect(window.reloads).toBe(1)
    expect(await invoke('takeWindowNotice')).toMatchObject({ ok: true, value: RELOADED_NOTICE })
    expect(await invoke('takeWindowNotice')).toMatchObject({ ok: true, value: null })
    gone({}, { reason: 'killed', exitCode: 9 })
    expect(window.reloads).toBe(2)
    gone({}, { reason: 'oom', exitCode: 1 })
    expect(window.reloads).toBe(2)
    expect(window.url).toBe('app://omnivms/crashed.html')
    expect(readFileSync(join(cap().logs, 'main.log'), 'utf8')).toContain('the window keeps stopping')
  })
})
