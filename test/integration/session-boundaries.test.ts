import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HttpFetch } from '../../src/main/core/ports'
import type { OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createFakeClock } from '../support/fake-clock'
import { createKeychainCipher } from '../support/keychain-cipher'
import { profileText, sessionFolders } from '../support/profile-files'
import { createRecordingNotifier } from '../support/recording-desktop'
import { sandboxControl } from '../support/sandbox-control'
import { takeDown } from '../support/sandbox-outage'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { refOf, scheduledOrder as makeScheduledOrder } from '../support/builders'

/**
 * What belongs to one session (an account on one environment) stays with it: nothing of it is
 * shown, stored or sent under another, and a queued action is applied once or reported. Each case
 * is a defect found on the previous main, kept here so it cannot come back.
 */
const vendor = DEMO_ACCOUNTS.vendor
const other = DEMO_ACCOUNTS.otherVendor
/** A second environment (a staging URL), routed to a second sandbox with the same seeded data and ids. */
const STAGING = 'https://staging.omnivms.test'
const signInAs = (account: { email: string; password: string }, environment: 'one' | 'two' = 'one', keepSignedIn = true) => ({
  environment: environment === 'one' ? { kind: 'sandbox' as const } : { kind: 'custom' as const, url: STAGING },
  email: account.email,
  password: account.password,
  keepSignedIn
})

let one: RunningSandbox
let two: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let keychainKey: Buffer
const cores: TestCore[] = []

const routed: HttpFetch = (input, init) => fetch(input.startsWith(STAGING) ? `${two.url}${input.slice(STAGING.length)}` : input, init)
const start = (options: Partial<Parameters<typeof startTestCore>[0]> = {}) => {
  const t = startTestCore({ sandboxUrl: one.url, profileDir: profile.dir, cipher: createKeychainCipher({ key: keychainKey }), fetch: routed, ...options })
  cores.push(t)
  return t
}

const notices = (t: TestCore) => t.events.filter((e) => e.channel.endsWith('appNotice')).map((e) => String(e.payload))
const statusPosts = async (sandbox: RunningSandbox) => (await sandboxControl(sandbox.url).requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/status'))
const hourFromNow = (hours: number) => {
  const at = new Date(Date.now() + hours * 3_600_000)
  at.setUTCMinutes(0, 0, 0)
  return at.toISOString()
}

/** A new order of the demo appraiser's, in the same place in both environments, its inspection in two hours. */
const scheduledOrder = (sandboxes: RunningSandbox[] = [one]) => makeScheduledOrder(sandboxes, hourFromNow(2))

/** The platform can't be reached until `back()`. */
async function outage(which: 'one' | 'two' = 'one') {
  const down = await takeDown(which === 'one' ? one : two)
  return async () => {
    const running = await down.back()
    if (which === 'one') one = running
    else two = running
  }
}

/** The session ends on its own: the platform revokes it, and the next call finds out. */
async function endSessionOnPlatform(t: TestCore, sandbox: RunningSandbox) {
  await sandboxControl(sandbox.url).revokeTokens()
  await sandboxControl(sandbox.url).expireTokens()
  await t.call('listOrders')
  await vi.waitFor(async () => expect(await t.ok('getSessionState')).toMatchObject({ status: 'signedOut', reason: 'session_ended' }))
}

beforeEach(async () => {
  one = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  two = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  profile = tempProfile()
  keychainKey = createKeychainCipher().key
})
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.dispose()
  await Promise.all([one.close(), two.close()])
  profile.remove()
})

describe('one owner per session', () => {
  it('signing out while a sync is still downloading cancels it: the next account never sees, nor keeps, the first one’s orders', async () => {
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    const mine = await app.ok('listOrders')
    await sandboxControl(one.url).fault({ method: 'GET', path: '/api/clients/*/orders', mode: 'delay', delayMs: 800, count: 3 })
    const downloading = app.call('listOrders')
    // The three lists are on their way (the platform has taken them and is slow to answer).
    await vi.waitFor(() => expect(one.sandbox.faults[0]?.remaining).toBe(0))
    await app.ok('signOut')
    await app.ok('signIn', signInAs(other))
    expect(await downloading).toMatchObject({ ok: false })
    const theirs = await app.ok('listOrders')
    const shown = (await app.ok('listOrders', { cached: true })).orders
    expect(shown.length).toBeGreaterThan(0)
    const myIds = new Set(mine.orders.map((o) => o.orderId))
    expect(shown.filter((o) => myIds.has(o.orderId))).toEqual([])
    expect(theirs.orders.filter((o) => myIds.has(o.orderId))).toEqual([])
    // Every inbox event the window got after the second sign-in is the second account's.
    const signedInAt = app.events.findLastIndex((e) => e.channel.endsWith('sessionChanged') && (e.payload as { status: string }).status === 'signedIn')
    const later = JSON.stringify(app.events.slice(signedInAt))
    for (const order of mine.orders) expect(later).not.toContain(order.borrowerName)
    // Only the second account's folder is left (made by its first write), and it holds none of the first one's borrowers.
    await vi.waitFor(() => expect(sessionFolders(profile.dir)).toHaveLength(1), { timeout: 10_000 })
  })

  it('files are per account and environment: another environment with the same ids never reads or sends them', async () => {
    const order = await scheduledOrder([one, two])
    const first = start()
    await first.ok('signIn', signInAs(vendor, 'one'))
    await first.ok('getOrder', refOf(order))
    const back = await outage('one')
    const completedAt = new Date(Date.now() - 60_000).toISOString()
    expect((await first.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt } })).queued).toBe(true)
    await back()
    // The order can't be read for now (the action stays queued), and meanwhile the session ends.
    await sandboxControl(one.url).fault({ method: 'GET', path: '/api/clients/*/loans/*/orders/*', status: 503, count: 10_000 })
    await endSessionOnPlatform(first, one)
    await sandboxControl(one.url).clearFaults()

    // The same account, the same ids, another environment: nothing of environment one is there or sent.
    await first.ok('signIn', signInAs(vendor, 'two'))
    expect((await first.ok('getOrder', refOf(order))).pendingActions).toEqual([])
    await first.ok('networkRestored')
    await first.ok('listOrders')
    expect(await statusPosts(two)).toEqual([])
    // A folder per session, each made by the session's first write.
    await vi.waitFor(() => expect(sessionFolders(profile.dir)).toHaveLength(2), { timeout: 10_000 })

    // Back on environment one, its queue is sent there, once.
    await first.ok('signIn', signInAs(vendor, 'one'))
    await vi.waitFor(async () => expect((await first.ok('getOrder', refOf(order))).statusCode).toBe(ORDER_STATUS.InspectionCompleted))
    expect(await statusPosts(one)).toHaveLength(1)
    expect(await statusPosts(two)).toEqual([])
  })

  it('a queued action is only ever sent in its own session: another account never attempts it nor hears of its order', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    await back()
    await sandboxControl(one.url).fault({ method: 'GET', path: '/api/clients/*/loans/*/orders/*', status: 503, count: 10_000 })
    await endSessionOnPlatform(app, one)
    await sandboxControl(one.url).clearFaults()
    await sandboxControl(one.url).clearRequests()

    await app.ok('signIn', signInAs(other))
    const heardBefore = app.events.length
    await app.ok('networkRestored')
    await app.ok('listOrders')
    await app.core.syncNow()
    const requests = (await sandboxControl(one.url).requests()).requests
    expect(requests.filter((r) => r.path.includes(order.orderId))).toEqual([])
    expect(JSON.stringify(app.events.slice(heardBefore))).not.toContain(order.street)
    await app.ok('signOut')

    await app.ok('signIn', signInAs(vendor))
    await vi.waitFor(async () => expect((await app.ok('getOrder', refOf(order))).statusCode).toBe(ORDER_STATUS.InspectionCompleted))
    expect(await statusPosts(one)).toHaveLength(1)
  })

  it('signing out with an action still queued says it was not sent', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    await app.ok('signOut')
    await back()
    expect(notices(app)).toEqual([expect.stringMatching(new RegExp(`not sent: “Mark inspection complete” for ${order.street} \\(OV-`))])
    expect(sessionFolders(profile.dir)).toEqual([])
  })
})

describe('a queued field action is applied once or reported', () => {
  it('a reschedule is not taken as applied by the office moving the appointment meanwhile: the appraiser’s time is sent', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    const mine = hourFromNow(27)
    expect((await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'rescheduleInspection', inspectionAt: mine, slotId: null } })).queued).toBe(true)
    await back()
    // The office (signed in as the appraiser on the portal) moved it to another time.
    const vendorUser = one.sandbox.data.users.find((u) => u.email === vendor.email)
    if (!vendorUser) throw new Error('no demo appraiser')
    one.sandbox.moves.applyAction(vendorUser, one.sandbox.orders.findById(order.orderId), { status: ORDER_STATUS.InspectionScheduled, inspectionAt: hourFromNow(26), slotId: null })
    await app.ok('networkRestored')
    await vi.waitFor(async () => expect((await app.ok('getOrder', refOf(order))).pendingActions).toEqual([]))
    expect(one.sandbox.orders.findById(order.orderId).inspection?.scheduledAt).toBe(mine)
    expect(notices(app)).toEqual([])
  })

  it('the offline copy is refreshed after an online action, so a later reschedule is not mistaken for it', async () => {
    const created = await scheduledOrder()
    const order = one.sandbox.orders.findById(created.orderId)
    order.status = ORDER_STATUS.OrderAccepted
    order.inspection = null
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(created))
    await app.ok('performOrderAction', { ref: refOf(created), action: { type: 'scheduleInspection', inspectionAt: hourFromNow(26), slotId: null } })
    const back = await outage()
    const later = hourFromNow(30)
    expect((await app.ok('performOrderAction', { ref: refOf(created), action: { type: 'rescheduleInspection', inspectionAt: later, slotId: null } })).queued).toBe(true)
    await back()
    await app.ok('networkRestored')
    await vi.waitFor(async () => expect((await app.ok('getOrder', refOf(created))).pendingActions).toEqual([]))
    expect(one.sandbox.orders.findById(created.orderId).inspection?.scheduledAt).toBe(later)
  })

  it('cancelling an action while it is being sent answers “already being sent”, and it is applied once', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    const queued = await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    const id = queued.order.pendingActions[0]?.id ?? ''
    await back()
    await sandboxControl(one.url).fault({ method: 'POST', path: '/api/**/status', mode: 'delay', delayMs: 1_000, count: 1 })
    await app.ok('networkRestored')
    // The status request has reached the platform (its delay fault is taken): the action is being sent.
    await vi.waitFor(() => expect(one.sandbox.faults.find((f) => f.method === 'POST')?.remaining).toBe(0))
    const cancel = await app.call('cancelPendingAction', { id })
    expect(cancel).toEqual({ ok: false, error: { code: 'busy', message: '“Mark inspection complete” is already being sent, so it can\'t be cancelled now.' } })
    await vi.waitFor(async () => expect((await app.ok('getOrder', refOf(order))).statusCode).toBe(ORDER_STATUS.InspectionCompleted), { timeout: 5_000 })
    expect(one.sandbox.data.history.filter((h) => h.orderId === order.orderId && h.status === ORDER_STATUS.InspectionCompleted)).toHaveLength(1)
  })

  it('a 5xx or a lasting 429 on the reads before sending keeps the action queued; it is retried with backoff and sent', async () => {
    const clock = createFakeClock(Date.now())
    const order = await scheduledOrder()
    const app = start({ clock })
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    await back()
    const history = `/api/clients/*/loans/*/orders/${order.orderId}/vendor-history`
    await sandboxControl(one.url).fault({ method: 'GET', path: history, status: 503, count: 1 })
    await app.ok('networkRestored')
    // A failed try leaves it queued; the next comes after the backoff (15 s), not before.
    await vi.waitFor(() => expect(one.sandbox.faults[0]?.remaining).toBe(0))
    await vi.waitFor(() => expect(clock.pending()).toContain(15_000))
    await sandboxControl(one.url).fault({ method: 'GET', path: history, status: 429, retryAfter: 0, count: 3 })
    await clock.advance(15_000)
    await vi.waitFor(() => expect(one.sandbox.faults[1]?.remaining).toBe(0))
    expect(await statusPosts(one)).toEqual([])
    await vi.waitFor(async () => {
      await clock.advance(15_000)
      expect(one.sandbox.orders.findById(order.orderId).status).toBe(ORDER_STATUS.InspectionCompleted)
    })
    expect((await app.ok('getOrder', refOf(order))).pendingActions).toEqual([])
    expect(await statusPosts(one)).toHaveLength(1)
    expect(notices(app)).toEqual([])
  })

  it('a definite refusal drops the action and names the order, the action and why', async () => {
    const order = await scheduledOrder()
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('getOrder', refOf(order))
    const back = await outage()
    await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
    await back()
    await sandboxControl(one.url).fault({ method: 'POST', path: '/api/**/status', status: 409, count: 1 })
    await app.ok('networkRestored')
    await vi.waitFor(() => expect(notices(app)).toEqual([expect.stringMatching(new RegExp(`^“Mark inspection complete” for ${order.street} \\(OV-2026-\\d+\\) was not sent: `))]))
    expect((await app.ok('getOrder', refOf(order))).pendingActions).toEqual([])
  })
})

describe('partial failures keep what is known', () => {
  it('a client whose list fails keeps its orders, marked with their time; they are never re-notified, and the offline copy keeps them', async () => {
    const notifier = createRecordingNotifier()
    const app = start({ notifier })
    await app.ok('signIn', signInAs(vendor))
    const before = await app.ok('listOrders')
    const redwood = before.orders.filter((o) => o.clientId === 'cl-redwood')
    expect(redwood.length).toBeGreaterThan(0)
    let lastRead = before.fetchedAt
    // A 429 is waited out and tried again by the call itself: three in a row make a failure.
    for (const fault of [{ status: 429, retryAfter: 0, count: 3 }, { status: 503 }, { mode: 'garbage' as const }, { mode: 'reset' as const }]) {
      await sandboxControl(one.url).fault({ method: 'GET', path: '/api/clients/cl-redwood/orders', count: 1, ...('mode' in fault ? fault : { mode: 'status' as const, ...fault }) })
      const during = await app.ok('listOrders')
      expect(during.orders.filter((o) => o.clientId === 'cl-redwood').length, JSON.stringify(fault)).toBe(redwood.length)
      expect(during.failures).toEqual([expect.objectContaining({ clientId: 'cl-redwood', clientName: 'Redwood Federal Credit Union', showingSince: lastRead })])
      const back = await app.ok('listOrders')
      expect(back.failures).toEqual([])
      lastRead = back.fetchedAt
    }
    expect(notifier.shown).toEqual([])
    // The copy on disk has them too: a restart without the network shows them.
    await sandboxControl(one.url).fault({ method: 'GET', path: '/api/clients/cl-redwood/orders', status: 503, count: 1 })
    await app.ok('listOrders')
    await app.core.dispose()
    const back = await outage()
    const restarted = start({ notifier })
    expect((await restarted.ok('listOrders')).orders.filter((o) => o.clientId === 'cl-redwood')).toHaveLength(redwood.length)
    await back()
  })

  it('a client the vendor stops working for leaves the inbox, and all its orders come back when the vendor works for it again', async () => {
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    const before = await app.ok('listOrders')
    const redwood = before.orders.filter((o) => o.clientId === 'cl-redwood').map((o) => o.orderId).sort()
    expect(redwood.length).toBeGreaterThan(0)
    const user = one.sandbox.data.users.find((u) => u.email === vendor.email)
    if (!user) throw new Error('no demo vendor')
    const clientIds = [...user.clientIds]
    user.clientIds = clientIds.filter((id) => id !== 'cl-redwood')
    const without = await app.ok('listOrders')
    expect(without.orders.filter((o) => o.clientId === 'cl-redwood')).toEqual([])
    expect(without.clients.map((c) => c.id)).not.toContain('cl-redwood')
    user.clientIds = clientIds
    const back = await app.ok('listOrders')
    expect(back.orders.filter((o) => o.clientId === 'cl-redwood').map((o) => o.orderId).sort()).toEqual(redwood)
    expect(back.orders).toHaveLength(before.orders.length)
  })

  it('each event is notified at most once, ever — across restarts — and what came while the app was closed is told once', async () => {
    const notifier = createRecordingNotifier()
    const app = start({ notifier })
    await app.ok('signIn', signInAs(vendor))
    await app.ok('listOrders')
    const assign = (street: string) => fetch(`${one.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ street }) })
    await assign('1 Early St')
    await app.core.syncNow()
    expect(notifier.shown.map((n) => n.title)).toEqual(['New order from Lakeshore Mortgage'])
    await app.core.syncNow()
    expect(notifier.shown).toHaveLength(1)
    await app.core.dispose()

    // Closed: four orders arrive. At the first sync after start they are told once, as one summary.
    for (const street of ['2 Away Rd', '3 Away Rd', '4 Away Rd', '5 Away Rd']) await assign(street)
    const reopened = start({ notifier })
    await reopened.ok('listOrders')
    expect(notifier.shown.slice(1).map((n) => n.title)).toEqual(['4 new orders while you were away'])
    await reopened.core.dispose()
    const again = start({ notifier })
    await again.ok('listOrders')
    await again.core.syncNow()
    expect(notifier.shown).toHaveLength(2)
  })
})

describe('rate limits and roles', () => {
  it('a Retry-After over a minute is waited out: the call waits, and nothing polls earlier', async () => {
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    await app.ok('listOrders')
    await sandboxControl(one.url).clearRequests()
    await sandboxControl(one.url).fault({ method: 'GET', path: '/api/me', status: 429, retryAfter: 2, count: 1 })
    const started = Date.now()
    const result = await app.call('listOrders')
    expect(result.ok).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900)
    const meCalls = (await sandboxControl(one.url).requests()).requests.filter((r) => r.path === '/api/me')
    expect(meCalls.map((r) => r.status)).toEqual([429, 200])
  })

  it('a Client User gets the same “for appraisers” answer from every order call, and the platform answers 403 on vendor routes', async () => {
    const app = start()
    await app.ok('signIn', signInAs(DEMO_ACCOUNTS.clientUser))
    const ref = { clientId: 'cl-lakeshore', loanId: 'ln-40001', orderId: 'ord-1' }
    const answers = [
      await app.call('listOrders'),
      await app.call('getOrder', ref),
      await app.call('performOrderAction', { ref, action: { type: 'accept' } }),
      await app.call('listInspectionSlots', ref),
      await app.call('downloadDocument', { ref, documentId: 'doc-1-1' }),
      await app.call('uploadReport', { ref, uploadId: 'upload-client-user', fileIds: ['a'.repeat(24)] }),
      await app.call('listPayments'),
      await app.call('getDraft', { key: 'ord-1:decline' })
    ]
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: 'This app is for appraisers (vendor accounts). Sign in with your appraiser account to work orders.' } })
    expect((await sandboxControl(one.url).requests()).requests.filter((r) => r.path.includes('/orders/'))).toEqual([])
    // The platform's own rule: a non-vendor role is refused on a vendor route.
    const token = (await sandboxControl(one.url).sessions()).sessions.find((s) => s.user.email === DEMO_ACCOUNTS.clientUser.email)?.accessToken
    const vendorRoute = await fetch(`${one.url}/api/clients/cl-lakeshore/vendor-payments`, { headers: { authorization: `Bearer ${token}` } })
    expect(vendorRoute.status).toBe(403)
  })
})

describe('nothing personal in logs or diagnostics', () => {
  it('an ignored reset link is logged as its shape only; a link with bad percent-encoding is ignored, never thrown', async () => {
    const app = start()
    await app.ok('signIn', signInAs(vendor))
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await app.core.openDeepLink('omnivms://reset-password?email=demo.appraiser%40sandbox.omnivms.test&code=482913&extra=1')
      await app.core.openDeepLink('omnivms://orders/%E0%A4%A')
      await app.ok('reportRendererError', { message: 'Failed for demo.appraiser@sandbox.omnivms.test, code=482913, call (555) 234-5678', stack: null, source: 'error' })
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
    const log = app.logs.join('\n')
    expect(log).toContain('omnivms://reset-password (query or fragment left out)')
    expect(log).toContain('omnivms://orders/{segment}')
    const diagnostics = join(profile.dir, 'diagnostics.txt')
    app.dialogs.answerSave(diagnostics)
    await app.ok('exportDiagnostics')
    for (const text of [log, readFileSync(diagnostics, 'utf8')]) {
      expect(text).not.toMatch(/482913|demo\.appraiser|%40|555\) 234/)
    }
  })

  it('with a weak keychain, the offline copy of orders is kept on disk only if the user accepted that for it too', async () => {
    const weak = () => createKeychainCipher({ backend: 'basic_text', key: keychainKey })
    const app = start({ cipher: weak() })
    await app.ok('setWeakStorageChoice', { subject: 'signIn', choice: 'weak' })
    expect(await app.ok('signIn', signInAs(vendor))).toMatchObject({ persistence: 'weak', personalData: 'memory' })
    const inbox = await app.ok('listOrders')
    await app.ok('getOrder', inbox.orders[0] as OrderRef)
    expect(sessionFolders(profile.dir)).toEqual([])
    expect(await app.ok('setWeakStorageChoice', { subject: 'offlineCopy', choice: 'weak' })).toMatchObject({ weakOfflineCopyChoice: 'weak' })
    expect(await app.ok('getSessionState')).toMatchObject({ personalData: 'disk' })
    await vi.waitFor(() => expect(sessionFolders(profile.dir)).toHaveLength(1))
    expect(profileText(profile.dir)).not.toContain(inbox.orders[0]?.borrowerName)
  })
})
