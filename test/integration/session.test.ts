import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeClock } from '../support/fake-clock'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createKeychainCipher } from '../support/keychain-cipher'
import { sandboxControl } from '../support/sandbox-control'
import { takeDown } from '../support/sandbox-outage'
import { profileText, sessionFolders } from '../support/profile-files'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { signInInput } from '../support/builders'

const vendor = DEMO_ACCOUNTS.vendor

let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let control: ReturnType<typeof sandboxControl>
const cores: TestCore[] = []

const start = (options: Partial<Parameters<typeof startTestCore>[0]> = {}) => {
  const t = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, ...options })
  cores.push(t)
  return t
}
const vaultFile = () => join(profile.dir, 'session.json')
const vaultText = () => readFileSync(vaultFile(), 'utf8')
const hasVault = () => existsSync(vaultFile())
const refreshes = async () => (await control.requests()).requests.filter((r) => r.path === '/api/auth/refresh-token')

beforeEach(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 60_000 })
  control = sandboxControl(sandbox.url)
  profile = tempProfile()
})
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.dispose()
  await sandbox.close()
  profile.remove()
})

describe('sign-in and the inbox', () => {
  it('signs in and lists the orders of all three clients', async () => {
    const app = start()
    const state = await app.ok('signIn', signInInput)
    expect(state).toMatchObject({ status: 'signedIn', user: { email: vendor.email }, persistence: 'encrypted', connectivity: 'online' })
    const inbox = await app.ok('listOrders')
    expect(inbox.clients.map((c) => c.name).sort()).toEqual(['Lakeshore Mortgage', 'Redwood Federal Credit Union', 'Summit Valuation AMC'])
    expect(new Set(inbox.orders.map((o) => o.clientId)).size).toBe(3)
    expect(inbox.orders.length).toBe(72)
    expect(inbox.failures).toEqual([])
    // One full list answer per client; a sync after that finds them unchanged (304, no body).
    const lists = (await control.requests()).requests.filter((r) => /\/api\/clients\/[^/]+\/orders$/.test(r.path))
    expect(lists.filter((r) => r.status === 200)).toHaveLength(3)
    expect(lists.filter((r) => r.status !== 200).every((r) => r.status === 304)).toBe(true)
  })

  it('rejects a wrong password with a clear message', async () => {
    const app = start()
    const result = await app.call('signIn', { ...signInInput, password: 'not-the-password' })
    expect(result).toEqual({ ok: false, error: { code: 'invalid_credentials', message: "That e-mail and password don't match." } })
    expect((await app.ok('getSessionState')).status).toBe('signedOut')
  })

  it("never shows another vendor's orders or another client's data", async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    const theirs = sandbox.sandbox.data.orders.find((o) => o.vendorId === 'usr-vendor-2' && o.clientId === 'cl-summit')
    if (!theirs) throw new Error('seed has no order of the other vendor at a shared client')
    const inbox = await app.ok('listOrders')
    expect(inbox.orders.some((o) => o.orderId === theirs.id)).toBe(false)
    const result = await app.call('getOrder', { clientId: theirs.clientId, loanId: theirs.loanId, orderId: theirs.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const harbor = sandbox.sandbox.data.orders.find((o) => o.clientId === 'cl-harbor')
    if (!harbor) throw new Error('seed has no Harbor order')
    const forbidden = await app.call('getOrder', { clientId: harbor.clientId, loanId: harbor.loanId, orderId: harbor.id })
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('shows an order with its vendor-visible history only', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    const inbox = await app.ok('listOrders')
    const revision = inbox.orders.find((o) => o.statusCode === 12)
    if (!revision) throw new Error('no order in Revision Requested')
    const detail = await app.ok('getOrder', { clientId: revision.clientId, loanId: revision.loanId, orderId: revision.orderId })
    expect(detail.history.map((h) => h.statusCode)).toEqual([12, 11, 15, 14, 3, 1])
    expect(detail.history.some((h) => h.action.startsWith('Internal note'))).toBe(false)
    expect(detail.contacts.length).toBeGreaterThan(0)
  })
})

describe('token refresh', () => {
  it('answers 20 concurrent 401s with exactly one refresh, then retries every read once', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    const inbox = await app.ok('listOrders')
    await control.expireTokens()
    await control.clearRequests()
    const refs = inbox.orders.slice(0, 20).map((o) => ({ clientId: o.clientId, loanId: o.loanId, orderId: o.orderId }))
    const results = await Promise.all(refs.map((ref) => app.call('getOrder', ref)))
    expect(results.every((r) => r.ok)).toBe(true)
    const log = (await control.requests()).requests
    expect(log.filter((r) => r.path === '/api/auth/refresh-token')).toHaveLength(1)
    // Each order's detail was refused once (401) and retried once (200).
    const details = log.filter((r) => /\/orders\/[^/]+$/.test(r.path))
    expect(details.filter((r) => r.status === 401)).toHaveLength(20)
    expect(details.filter((r) => r.status === 200)).toHaveLength(20)
  })

  it('never retries a 401 without a refresh; a failed refresh keeps the session and says offline', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    await control.expireTokens()
    await control.clearRequests()
    // The refresh fails: the platform answers 503.
    await control.fault({ method: 'POST', path: '/api/auth/refresh-token', mode: 'status', status: 503 })
    // The inbox still shows: the last copy, marked as offline since it was fetched.
    const result = await app.ok('listOrders')
    expect(result.offlineSince).toEqual(expect.any(String))
    expect(result.orders).toHaveLength(72)
    expect((await control.requests()).requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/me 401',
      'POST /api/auth/refresh-token 503'
    ])
    // A real network failure: the server is gone.
    const outage = await takeDown(sandbox, { accessTokenTtlMs: 60_000 })
    expect((await app.ok('listOrders')).offlineSince).toEqual(expect.any(String))
    expect(await app.ok('getSessionState')).toMatchObject({ status: 'signedIn', connectivity: 'offline' })
    // Back online on the same address: the next read refreshes and succeeds.
    sandbox = await outage.back()
    const inbox = await app.ok('listOrders')
    expect(inbox.orders).toHaveLength(72)
    expect(inbox.offlineSince).toBeNull()
    expect(await app.ok('getSessionState')).toMatchObject({ status: 'signedIn', connectivity: 'online' })
  })

  it('when the network comes back, an offline session renews at once and says online', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    const outage = await takeDown(sandbox, { accessTokenTtlMs: 60_000 })
    expect((await app.ok('listOrders')).offlineSince).toEqual(expect.any(String))
    expect(await app.ok('getSessionState')).toMatchObject({ connectivity: 'offline' })
    sandbox = await outage.back()
    control = sandboxControl(sandbox.url)
    await app.ok('networkRestored')
    expect(await app.ok('getSessionState')).toMatchObject({ status: 'signedIn', connectivity: 'online' })
    expect((await refreshes()).map((r) => r.status)).toEqual([200])
  })

  it('rotates refresh tokens: a spent one answers the same pair once within the reuse interval, then replaying it ends the session family', async () => {
    const signIn = await fetch(`${sandbox.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: vendor.email, password: vendor.password })
    }).then((r) => r.json() as Promise<{ refreshToken: string }>)
    const refresh = (refreshToken: string) =>
      fetch(`${sandbox.url}/api/auth/refresh-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken })
      })
    const first = await refresh(signIn.refreshToken)
    expect(first.status).toBe(200)
    const rotated = (await first.json()) as { refreshToken: string; accessToken: string }
    expect(rotated.refreshToken).not.toBe(signIn.refreshToken)
    const again = await refresh(signIn.refreshToken)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ refreshToken: rotated.refreshToken, accessToken: rotated.accessToken })
    expect((await refresh(signIn.refreshToken)).status).toBe(401)
    expect((await refresh(rotated.refreshToken)).status).toBe(401)
  })

  it('refreshes before the access token expires, so no request meets a 401', async () => {
    const clock = createFakeClock(Date.now())
    const app = start({ clock })
    await app.ok('signIn', signInInput)
    await control.clearRequests()
    // 60 s tokens: the proactive refresh is due 12 s before expiry, at 48 s.
    await clock.advance(47_000)
    expect(await refreshes()).toHaveLength(0)
    await clock.advance(1_000)
    await vi.waitFor(async () => expect((await refreshes()).map((r) => r.status)).toEqual([200]))
    await app.ok('listOrders')
    const log = (await control.requests()).requests
    expect(log[0]?.path).toBe('/api/auth/refresh-token')
    expect(log.filter((r) => r.status === 401)).toEqual([])
  })

  it('signs out with a reason when the platform refuses the refresh', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    await control.revokeTokens()
    await control.expireTokens()
    const result = await app.call('listOrders')
    expect(result).toMatchObject({ ok: false, error: { code: 'session_ended' } })
    const state = await app.ok('getSessionState')
    expect(state).toMatchObject({ status: 'signedOut', reason: 'session_ended', lastEmail: vendor.email })
    expect(app.events.at(-1)?.payload).toMatchObject({ status: 'signedOut', reason: 'session_ended' })
    expect(await refreshes()).toHaveLength(1)
    // The dead session is not resurrected at the next launch.
    await app.core.dispose()
    const relaunched = start()
    expect(await relaunched.ok('getSessionState')).toMatchObject({ status: 'signedOut' })
  })
})

describe('the vault', () => {
  it('restores the session after a restart without a password, with no plaintext secret on disk', async () => {
    const cipher = createKeychainCipher()
    const first = start({ cipher })
    await first.ok('signIn', signInInput)
    await first.ok('listOrders')
    const { sessions } = await control.sessions()
    const disk = vaultText() + readFileSync(join(profile.dir, 'config.json'), 'utf8')
    expect(sessions.length).toBeGreaterThan(0)
    for (const s of sessions) {
      expect(disk).not.toContain(s.accessToken)
      expect(disk).not.toContain(s.refreshToken ?? 'no-refresh-token')
    }
    expect(disk).toMatch(/"backend":\s*"test_keychain"/)
    await first.core.dispose()

    const second = start({ cipher: createKeychainCipher({ key: cipher.key }) })
    expect(await second.ok('getSessionState')).toMatchObject({ status: 'signedIn', user: { email: vendor.email }, persistence: 'encrypted' })
    expect((await second.ok('listOrders')).orders).toHaveLength(72)
    expect((await control.requests()).requests.filter((r) => r.path === '/api/auth/sign-in')).toHaveLength(1)
  })

  it('treats a vault the keychain cannot decrypt as signed out, with a message', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    await first.core.dispose()
    const second = start({ cipher: createKeychainCipher() })
    const state = await second.ok('getSessionState')
    expect(state).toMatchObject({ status: 'signedOut', reason: 'vault_unreadable' })
    expect(state.status === 'signedOut' && state.message).toMatch(/keychain/)
    expect(hasVault()).toBe(false)
  })

  it('survives a corrupt settings file: the file is set aside and the session, kept apart, stays', async () => {
    const cipher = createKeychainCipher()
    const first = start({ cipher })
    await first.ok('signIn', signInInput)
    await first.core.dispose()
    writeFileSync(join(profile.dir, 'config.json'), '{"lastEmail": "demo.app')
    const second = start({ cipher: createKeychainCipher({ key: cipher.key }) })
    expect(await second.ok('getSessionState')).toMatchObject({ status: 'signedIn' })
    expect(readdirSync(profile.dir).some((f) => f.startsWith('config.json.corrupt-'))).toBe(true)
  })

  it('a damaged vault file means signed out with a message, and sign-in works again', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    await first.core.dispose()
    writeFileSync(vaultFile(), '{"version": 1, "cipher')
    const second = start()
    expect(await second.ok('getSessionState')).toMatchObject({ status: 'signedOut', reason: 'vault_corrupt' })
    expect(hasVault()).toBe(false)
    expect(await second.ok('signIn', signInInput)).toMatchObject({ status: 'signedIn' })
  })

  it('does not keep a session in basic_text storage unless the user chose it', async () => {
    // basic_text's key is hard-coded in Chromium: the same on every launch.
    const basicTextKey = createKeychainCipher().key
    const weak = () => createKeychainCipher({ backend: 'basic_text', key: basicTextKey })
    const first = start({ cipher: weak() })
    expect(await first.ok('getStorageProtection')).toEqual({ backend: 'basic_text', level: 'weak', weakStorageChoice: null, weakOfflineCopyChoice: null })
    expect(await first.ok('signIn', signInInput)).toMatchObject({ persistence: 'memory' })
    expect(hasVault()).toBe(false)
    await first.core.dispose()
    expect(await start({ cipher: weak() }).ok('getSessionState')).toMatchObject({ status: 'signedOut', reason: null })

    const third = start({ cipher: weak() })
    await third.ok('setWeakStorageChoice', { choice: 'weak' })
    expect(await third.ok('signIn', signInInput)).toMatchObject({ persistence: 'weak' })
    await third.core.dispose()
    expect(await start({ cipher: weak() }).ok('getSessionState')).toMatchObject({ status: 'signedIn', persistence: 'weak' })
  })

  it('keeps nothing on disk when "keep me signed in" is off: no token, no order, no draft', async () => {
    const first = start()
    expect(await first.ok('signIn', { ...signInInput, keepSignedIn: false })).toMatchObject({ persistence: 'memory', personalData: 'memory' })
    const inbox = await first.ok('listOrders')
    const opened = inbox.orders.slice(0, 3)
    for (const order of opened) await first.ok('getOrder', order)
    await first.ok('saveDraft', { key: 'ord-1:decline', value: { message: 'Call the borrower first' } })
    // Everything the session asked to write has landed once it is disposed.
    await first.core.dispose()
    const onDisk = profileText(profile.dir)
    for (const secret of [...sandbox.sandbox.issuedTokens(), ...opened.map((o) => o.borrowerName), 'Call the borrower first']) expect(onDisk).not.toContain(secret)
    expect(hasVault()).toBe(false)
    expect(sessionFolders(profile.dir)).toEqual([])
    expect(await start().ok('getSessionState')).toMatchObject({ status: 'signedOut' })
  })
})

describe('sign-out and recovery', () => {
  it('sign-out revokes the session on the server and wipes local secrets', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    expect((await control.sessions()).sessions).toHaveLength(1)
    expect(await app.ok('signOut')).toMatchObject({ status: 'signedOut', reason: null })
    expect((await control.sessions()).sessions).toHaveLength(0)
    expect(hasVault()).toBe(false)
    expect(await app.call('listOrders')).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
  })

  it('resets a password with the e-mailed code, without revealing which e-mails exist', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    const known = await app.ok('requestPasswordReset', { environment: { kind: 'sandbox' }, email: vendor.email })
    const unknown = await app.ok('requestPasswordReset', { environment: { kind: 'sandbox' }, email: 'nobody@example.com' })
    expect(unknown).toEqual(known)
    const { messages } = await control.outbox()
    expect(messages).toHaveLength(1)
    const code = /code is (\d{6})/.exec(messages[0]?.body ?? '')?.[1]
    if (!code) throw new Error('no code in the e-mail')
    const wrong = await app.call('resetPassword', { environment: { kind: 'sandbox' }, email: vendor.email, code: '000000', newPassword: 'new-password-1' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_reset_code' } })
    await app.ok('resetPassword', { environment: { kind: 'sandbox' }, email: vendor.email, code, newPassword: 'new-password-1' })
    // Old sessions are revoked by the reset.
    expect((await control.sessions()).sessions).toHaveLength(0)
    expect(await app.call('signIn', signInInput)).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } })
    expect(await app.ok('signIn', { ...signInInput, password: 'new-password-1' })).toMatchObject({ status: 'signedIn' })
  })

  it('never writes a token to the log', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    await control.expireTokens()
    await app.ok('listOrders')
    await app.ok('signOut')
    const issued = sandbox.sandbox.issuedTokens()
    expect(issued.length).toBeGreaterThanOrEqual(2)
    const logText = app.logs.join('\n')
    expect(logText).toContain('session refreshed')
    for (const token of issued) expect(logText).not.toContain(token)
    expect(logText).not.toContain(vendor.password)
  })
})
