import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ORDER_STATUS, inSet } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createSystemFetch } from '../../src/main/core/net/system-fetch'
import { createKeychainCipher } from '../support/keychain-cipher'
import { sandboxControl } from '../support/sandbox-control'
import { takeDown } from '../support/sandbox-outage'
import { profileText, sessionFolders } from '../support/profile-files'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { refOf, scheduledOrder as makeScheduledOrder, signInInput } from '../support/builders'

/**
 * Working without a network: the inbox and the orders viewed stay readable (encrypted on disk, across
 * a restart), a field action waits and is sent exactly once when the network returns.
 */
const vendor = DEMO_ACCOUNTS.vendor
let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let cipherKey: Buffer
const cores: TestCore[] = []
const start = () => {
  const t = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher: createKeychainCipher({ key: cipherKey }) })
  cores.push(t)
  return t
}
/** The signed-in session's own folder (there is one session in these tests). */
const offlineDir = () => sessionFolders(profile.dir)[0] ?? join(profile.dir, 'sessions', 'none-yet')
/** Waits for a file the session writes in the background: encrypted and flushed, it can take over a second on a loaded machine. */
const written = (name: string) => vi.waitFor(() => expect(existsSync(join(offlineDir(), name))).toBe(true), { timeout: 10_000 })

const scheduledOrder = () => makeScheduledOrder([sandbox])

/** The platform goes away; `back()` brings it back on the same address with the same data. */
async function goOffline() {
  const outage = await takeDown(sandbox)
  return async () => {
    sandbox = await outage.back()
  }
}

beforeEach(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  profile = tempProfile()
  cipherKey = createKeychainCipher().key
})
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.dispose()
  await sandbox.close()
  profile.remove()
})

describe('working offline', () => {
  it('after a restart without a network, the inbox and the orders viewed show, marked with when they were saved', async () => {
    const order = await scheduledOrder()
    const first = start()
    await first.ok('signIn', signInInput)
    const online = await first.ok('listOrders')
    expect(online.offlineSince).toBeNull()
    const viewed = await first.ok('getOrder', refOf(order))
    await written('orders.json')
    await first.core.dispose()

    const back = await goOffline()
    const second = start()
    const inbox = await second.ok('listOrders')
    expect(inbox.offlineSince).toEqual(expect.any(String))
    expect(inbox.orders.map((o) => o.orderId).sort()).toEqual(online.orders.map((o) => o.orderId).sort())
    // A window opening offline gets its first screen from the same copy, marked the same way.
    const firstScreen = await second.ok('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 5 })
    expect(firstScreen.offlineSince).toBe(inbox.offlineSince)
    expect(firstScreen.orders).toHaveLength(5)
    for (const order of firstScreen.orders ?? []) expect(inbox.orders).toContainEqual(order)
    const kept = await second.ok('getOrder', refOf(order))
    expect(kept).toMatchObject({ orderId: order.orderId, borrowerName: viewed.borrowerName, savedAt: expect.any(String) })
    // An order never opened has no copy: it says offline, it doesn't pretend.
    const other = inbox.orders.find((o) => o.orderId !== order.orderId)
    expect(await second.call('getOrder', refOf(other ?? order))).toMatchObject({ ok: false, error: { code: 'offline' } })

    await back()
    await second.ok('networkRestored')
    await vi.waitFor(async () => expect((await second.ok('listOrders')).offlineSince).toBeNull())
  })

  it('a window that opens offline tries the platform once: its first screen and then its whole inbox both show the saved copy', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    const online = await first.ok('listOrders')
    await written('inbox.json')
    await first.core.dispose()

    const back = await goOffline()
    let attempts = 0
    const direct = createSystemFetch({ resolveProxy: async () => 'DIRECT', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    const second = startTestCore({
      sandboxUrl: sandbox.url,
      profileDir: profile.dir,
      cipher: createKeychainCipher({ key: cipherKey }),
      fetch: (input, init) => {
        attempts++
        return direct(input, init)
      }
    })
    cores.push(second)
    const firstScreen = await second.ok('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 5 })
    expect(firstScreen.offlineSince).toEqual(expect.any(String))
    const tried = attempts
    expect(tried, 'the platform was tried before the copy was shown').toBeGreaterThan(0)
    const whole = await second.ok('listOrders', { cached: true })
    expect(whole.offlineSince).toBe(firstScreen.offlineSince)
    expect(whole.orders).toHaveLength(online.orders.length)
    expect(attempts, 'requests after the first screen, while the platform was known to be unreachable').toBe(tried)
    await back()
  })

  it('the copy on disk is encrypted: no borrower name, address or e-mail in any file', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('listOrders')
    const detail = await app.ok('getOrder', refOf(order))
    await written('orders.json')
    await written('inbox.json')
    for (const name of readdirSync(offlineDir())) {
      const text = readFileSync(join(offlineDir(), name), 'utf8')
      for (const secret of [order.borrowerName, detail.address.line1, vendor.email]) expect(text, name).not.toContain(secret)
    }
    // Signing out removes it.
    const folder = offlineDir()
    await app.ok('signOut')
    expect(existsSync(folder)).toBe(false)
  })

  it('“Mark inspection complete” without a network waits, survives a restart, and is sent once when the network returns', async () => {
    const order = await scheduledOrder()
    const first = start()
    await first.ok('signIn', signInInput)
    await first.ok('getOrder', refOf(order))
    await written('orders.json')
    const back = await goOffline()
    const result = await first.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    expect(result.queued).toBe(true)
    expect(result.order.pendingActions).toMatchObject([{ type: 'completeInspection', label: 'Mark inspection complete' }])
    // An action that isn't field work (accept, decline…) is refused offline, never queued.
    expect(await first.call('performOrderAction', { ref: refOf(order), action: { type: 'startWork' } })).toMatchObject({ ok: false, error: { code: 'offline' } })
    await first.core.dispose()

    const second = start()
    expect((await second.ok('getOrder', refOf(order))).pendingActions).toHaveLength(1)
    await back()
    await second.ok('networkRestored')
    await vi.waitFor(async () => expect((await second.ok('getOrder', refOf(order))).statusCode).toBe(ORDER_STATUS.InspectionCompleted))
    const detail = await second.ok('getOrder', refOf(order))
    expect(detail.pendingActions).toEqual([])
    expect(detail.history.filter((h) => h.statusCode === ORDER_STATUS.InspectionCompleted)).toHaveLength(1)
    // Another sync sends nothing more.
    await second.ok('networkRestored')
    await second.ok('listOrders')
    // Applied once: a POST the platform refused (a 401 while the token was being refreshed, then reconciled) wrote nothing.
    const posts = (await sandboxControl(sandbox.url).requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/status') && r.status < 300)
    expect(posts).toHaveLength(1)
  })

  it('a queued action the order no longer allows is dropped, and the appraiser is told why', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('getOrder', refOf(order))
    await written('orders.json')
    const back = await goOffline()
    await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    await back()
    await sandboxControl(sandbox.url).hold(order.orderId, 'Borrower asked to wait')
    await app.ok('networkRestored')
    await vi.waitFor(() => expect(app.events.filter((e) => e.channel.endsWith('appNotice')).map((e) => e.payload)).toEqual([expect.stringMatching(/“Mark inspection complete” for .+ was not sent: the order is now On Hold/)]))
    expect((await app.ok('getOrder', refOf(order))).pendingActions).toEqual([])
  })

  it('a memory-only session keeps nothing on disk', async () => {
    const app = start()
    await app.ok('signIn', { ...signInInput, keepSignedIn: false })
    const order = await scheduledOrder()
    await app.ok('listOrders')
    await app.ok('getOrder', refOf(order))
    // Disposing waits for every write the session asked for: after it, what is on disk is all there is.
    await app.core.dispose()
    expect(sessionFolders(profile.dir)).toEqual([])
    expect(profileText(profile.dir)).not.toContain(order.borrowerName)
  })

  it('Settings → Sign-in: turning “keep me signed in” off forgets the session and the offline copy on disk; on again keeps both', async () => {
    const vault = join(profile.dir, 'session.json')
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('listOrders')
    await written('inbox.json')
    expect(existsSync(vault)).toBe(true)

    expect(await app.ok('setKeepSignedIn', { keep: false })).toMatchObject({ status: 'signedIn', persistence: 'memory' })
    expect(existsSync(vault)).toBe(false)
    await vi.waitFor(() => expect(existsSync(offlineDir())).toBe(false), { timeout: 10_000 })
    // Still signed in for now; a restart asks again.
    expect((await app.ok('listOrders')).orders.length).toBeGreaterThan(0)

    expect(await app.ok('setKeepSignedIn', { keep: true })).toMatchObject({ status: 'signedIn', persistence: 'encrypted' })
    expect(existsSync(vault)).toBe(true)
    await app.core.dispose()
    expect(await start().ok('getSessionState')).toMatchObject({ status: 'signedIn', persistence: 'encrypted' })
  })

  it('quitting the moment the inbox arrives still leaves its offline copy: quit waits for the session’s writes', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    const online = await first.ok('listOrders')
    // No waiting for the file: the quit itself must.
    await first.core.dispose()
    expect(existsSync(join(offlineDir(), 'inbox.json'))).toBe(true)
    const back = await goOffline()
    const inbox = await start().ok('listOrders')
    expect(inbox.orders.map((o) => o.orderId).sort()).toEqual(online.orders.map((o) => o.orderId).sort())
    await back()
  })

  it('an unchanged sync does not rewrite the offline copy', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('listOrders')
    // The session's folder is made with its first write: its path is known once that has landed.
    await written('inbox.json')
    const inboxFile = join(offlineDir(), 'inbox.json')
    const before = readFileSync(inboxFile, 'utf8')
    await app.core.syncNow()
    await app.core.syncNow()
    // Disposing waits for every write the session asked for: had a sync rewritten the copy, it would be there now.
    await app.core.dispose()
    expect(readFileSync(inboxFile, 'utf8')).toBe(before)
    expect(statSync(inboxFile).mode & 0o777).toBe(0o600)
  })

  it('a sync that finds a change rewrites the offline copy', async () => {
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('listOrders')
    await written('inbox.json')
    const recentFile = join(offlineDir(), 'inbox-recent.json')
    expect(existsSync(recentFile)).toBe(false)
    await scheduledOrder()
    await app.core.syncNow()
    await vi.waitFor(() => expect(existsSync(recentFile)).toBe(true), { timeout: 10_000 })
  })

  it('a sync that finds one changed order writes only the small file of recent changes, and the copy reads back whole', async () => {
    await sandbox.close()
    sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000, orders: 2_000 })
    const first = start()
    await first.ok('signIn', signInInput)
    const online = await first.ok('listOrders')
    const copyFiles = () => new Map(readdirSync(offlineDir()).filter((name) => name.startsWith('inbox')).map((name) => [name, readFileSync(join(offlineDir(), name))]))
    // The index is written after the parts: once it is there, the first copy is complete.
    await vi.waitFor(() => expect(copyFiles().has('inbox.json')).toBe(true), { timeout: 10_000 })
    expect(copyFiles().size).toBeGreaterThan(2)
    const before = copyFiles()
    await sandboxControl(sandbox.url).hold(online.orders.find((o) => inSet('active', o.statusCode))?.orderId ?? '', 'Borrower travelling')
    await first.core.syncNow()
    await first.core.dispose()
    const after = copyFiles()
    const rewritten = [...after].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name)
    // Each write is encrypted afresh, so a file rewritten is a file changed: only the recent changes, new.
    expect(rewritten).toEqual(['inbox-recent.json'])
    expect(after.size).toBe(before.size + 1)
    expect(after.get('inbox-recent.json')?.byteLength).toBeLessThan(2_000)

    const back = await goOffline()
    const restarted = await start().ok('listOrders')
    expect(restarted.offlineSince).toEqual(expect.any(String))
    expect(restarted.orders).toHaveLength(online.orders.length)
    expect(restarted.orders.filter((o) => o.statusCode === ORDER_STATUS.OnHold).length).toBe(online.orders.filter((o) => o.statusCode === ORDER_STATUS.OnHold).length + 1)
    await back()
  })

  it('a part of the copy that cannot be read is not shown as the whole inbox: no copy is used', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    await first.ok('listOrders')
    await first.core.dispose()
    const part = readdirSync(offlineDir()).find((name) => /^inbox-\d+\.json$/.test(name)) ?? ''
    writeFileSync(join(offlineDir(), part), 'damaged')
    const back = await goOffline()
    expect(await start().call('listOrders')).toMatchObject({ ok: false, error: { code: 'offline' } })
    await back()
  })

  it('a vault that cannot be read takes the offline copy with it', async () => {
    const first = start()
    await first.ok('signIn', signInInput)
    await first.ok('listOrders')
    await written('inbox.json')
    await first.core.dispose()
    writeFileSync(join(profile.dir, 'session.json'), '{"damaged": true')
    const second = start()
    expect(await second.ok('getSessionState')).toMatchObject({ status: 'signedOut' })
    await vi.waitFor(() => expect(existsSync(offlineDir())).toBe(false), { timeout: 10_000 })
  })

  it('a queued action already applied elsewhere (the client portal, another device) is not sent again', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInInput)
    await app.ok('getOrder', refOf(order))
    await written('orders.json')
    const back = await goOffline()
    const completedAt = new Date(Date.now() - 60_000).toISOString()
    expect((await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt } })).queued).toBe(true)
    await back()
    // Meanwhile the appraiser marked it complete from somewhere else.
    const vendorUser = sandbox.sandbox.data.users.find((u) => u.email === vendor.email)
    if (!vendorUser) throw new Error('the demo appraiser is missing from the sandbox')
    sandbox.sandbox.moves.applyAction(vendorUser, sandbox.sandbox.orders.findById(order.orderId), { status: ORDER_STATUS.InspectionCompleted, completedAt })
    await sandboxControl(sandbox.url).clearRequests()
    await app.ok('networkRestored')
    await vi.waitFor(async () => expect((await app.ok('getOrder', refOf(order))).pendingActions).toEqual([]))
    const posts = (await sandboxControl(sandbox.url).requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/status'))
    expect(posts).toEqual([])
    expect(app.events.filter((e) => e.channel.endsWith('appNotice'))).toEqual([])
  })
})
