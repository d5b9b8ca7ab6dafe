import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { callChannel, type IpcCallName } from '../../src/shared/ipc/contract'
import { newCapture, type ElectronCapture } from '../support/electron-mock'

/** The main entry as an installed (packaged) app: production defaults, no developer doors. */
const captured = vi.hoisted(() => ({ current: null as ElectronCapture | null, feeds: [] as unknown[] }))
vi.mock('electron', async () => {
  const { electronMock, newCapture: fresh } = await import('../support/electron-mock')
  captured.current = fresh(true)
  return electronMock(captured.current)
})
vi.mock('electron-updater', () => {
  const autoUpdater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: false,
    logger: null,
    on: vi.fn(),
    off: vi.fn(),
    setFeedURL: (feed: unknown) => void captured.feeds.push(feed),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn()
  }
  return { default: { autoUpdater } }
})
const cap = () => captured.current ?? newCapture(true)
const invoke = (name: IpcCallName, payload?: unknown) => {
  const frame = { url: 'app://omnivms/index.html' }
  const handler = cap().ipcHandlers.get(callChannel(name))
  if (!handler) throw new Error(`no handler for ${name}`)
  return handler({ senderFrame: frame, sender: { mainFrame: frame } }, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>
}

beforeAll(async () => {
  await import('electron')
  cap().userData = mkdtempSync(join(tmpdir(), 'omnivms-packaged-'))
  cap().logs = join(cap().userData, 'logs')
  writeFileSync(join(cap().userData, 'package.json'), JSON.stringify({ name: 'omnivms-desktop', omnivmsUpdateFeedUrl: 'https://updates.example.com/desktop' }))
  // An installed app ignores these, valid or not.
  process.env.OMNIVMS_SANDBOX_URL = 'not a url'
  process.env.OMNIVMS_MAX_UPLOAD_MB = 'lots'
  process.env.OMNIVMS_USER_DATA_DIR = '/tmp/elsewhere'
  await import('../../src/main/index')
  await vi.waitFor(() => expect(cap().windows).toHaveLength(1))
})
afterAll(() => {
  cap().appEvents.get('will-quit')?.({ preventDefault() {} })
  delete process.env.OMNIVMS_SANDBOX_URL
  delete process.env.OMNIVMS_MAX_UPLOAD_MB
  delete process.env.OMNIVMS_USER_DATA_DIR
  rmSync(cap().userData, { recursive: true, force: true })
})

describe('the installed app', () => {
  it('ignores OMNIVMS_* variables', () => {
    expect(cap().errorBoxes).toEqual([])
    expect(cap().exits).toEqual([])
    expect(cap().setPaths).toEqual([])
  })

  it('has no DevTools and no Reload', () => {
    expect(cap().windows[0]?.options.webPreferences.devTools).toBe(false)
    const text = JSON.stringify(cap().menu)
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(text).not.toContain(`"role":"${role}"`)
    expect(text).toContain('"label":"Export diagnostics…"')
  })

  it('opens on Production, with the local sandbox still a choice', async () => {
    expect(await invoke('getSessionState')).toMatchObject({ ok: true, value: { status: 'signedOut', lastEnvironment: { kind: 'production' } } })
  })

  it('checks for updates from the feed built into the installer', async () => {
    expect(captured.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/desktop', channel: 'latest' }])
    expect(await invoke('getUpdateStatus')).toMatchObject({ ok: true, value: { state: 'idle' } })
  })

  it('embeds a sandbox with no control plane, loopback Host names only, JSON bodies only, and no token on disk', async () => {
    const signedIn = await invoke('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
    expect(signedIn).toMatchObject({ ok: true, value: { status: 'signedIn', environment: { kind: 'sandbox' } } })
    const url = (signedIn.value as { environment: { url: string } }).environment.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const path of ['/__sandbox/sessions', '/__sandbox/tokens/issued', '/__sandbox/requests']) expect((await fetch(`${url}${path}`)).status).toBe(404)
    expect((await fetch(`${url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404)
    const plainText = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(DEMO_ACCOUNTS.vendor) })
    expect(plainText.status).toBe(415)
    const { request } = await import('node:http')
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/me`, { headers: { host: 'attacker.example:80' } }, (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      req.end()
    })
    expect(rebound).toBe(421)
    const file = join(cap().userData, 'sandbox', 'sandbox-data.json')
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toContain('tokenHash'))
    const data = readFileSync(file, 'utf8')
    expect(data).not.toMatch(/"(at|rt)_[A-Za-z0-9_-]{20,}"/)
  })
})
