import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PLATFORM_EVENTS, VENDOR_ACTIONS, isNewAssignment } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { sandboxControl } from '../support/sandbox-control'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'

/** The sandbox's own data follows the rules it enforces, and it answers errors by the docs' meaning. */
let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let app: TestCore
let token: string

beforeAll(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  profile = tempProfile()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: false })
  token = sandbox.sandbox.auth.signIn(DEMO_ACCOUNTS.vendor.email, DEMO_ACCOUNTS.vendor.password).accessToken
})
afterAll(async () => {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

const historyOf = (orderId: string) => sandbox.sandbox.data.history.filter((h) => h.orderId === orderId)

describe('the seeded book', () => {
  it('invoices only orders that were delivered', () => {
    const { payments } = sandbox.sandbox.data
    expect(payments.length).toBeGreaterThan(5)
    for (const payment of payments) expect(historyOf(payment.orderId).map((h) => h.action), payment.orderId).toContain(PLATFORM_EVENTS.deliver.history)
    // And every delivered order has its invoice.
    const delivered = new Set(sandbox.sandbox.data.history.filter((h) => h.action === PLATFORM_EVENTS.deliver.history).map((h) => h.orderId))
    expect(new Set(payments.map((p) => p.orderId))).toEqual(delivered)
  })

  it('holds know the status they were held from, so the client can resume them', async () => {
    const held = sandbox.sandbox.data.orders.filter((o) => o.status === PLATFORM_EVENTS.hold.to)
    expect(held.length).toBeGreaterThan(0)
    for (const order of held) {
      const heldFrom = order.statusBeforeHold
      expect(heldFrom, order.id).not.toBeNull()
      await fetch(`${sandbox.url}/__sandbox/orders/${order.id}/resume`, { method: 'POST' })
      expect(sandbox.sandbox.orders.findById(order.id).status, order.id).toBe(heldFrom)
    }
  })

  it('records completion (13 → 6) as the platform’s own step', () => {
    const completed = sandbox.sandbox.data.orders.filter((o) => o.status === PLATFORM_EVENTS.complete.to)
    expect(completed.length).toBeGreaterThan(0)
    for (const order of completed) expect(historyOf(order.id).find((h) => h.status === PLATFORM_EVENTS.complete.to)?.actor.role, order.id).toBe('System')
  })

  it('writes every seeded step as the action or event that makes it', () => {
    for (const order of sandbox.sandbox.data.orders.filter((o) => isNewAssignment(o.status)).slice(0, 3)) {
      expect(historyOf(order.id).find((h) => h.status === order.status)?.action).toBe(PLATFORM_EVENTS.assign.history)
    }
  })
})

describe('errors by the docs’ meaning', () => {
  const status = (orderId: string, body: unknown) => {
    const order = sandbox.sandbox.orders.findById(orderId)
    return fetch(`${sandbox.url}/api/clients/${order.clientId}/loans/${order.loanId}/orders/${order.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    })
  }

  it('answers 400 to a malformed request and 422 to missing or invalid data, whichever check finds it', async () => {
    const created = sandbox.sandbox.orders.assign({ vendorEmail: DEMO_ACCOUNTS.vendor.email })
    // Not the shape of any request: a field of the wrong type.
    expect((await status(created.id, { status: VENDOR_ACTIONS.decline.to, reason: 5, message: 'x' })).status).toBe(400)
    // A field missing (found by the wire schema) and a value the rules refuse (found by the action's rules): both 422.
    expect((await status(created.id, { status: VENDOR_ACTIONS.decline.to, reason: 'other' })).status).toBe(422)
    expect((await status(created.id, { status: VENDOR_ACTIONS.decline.to, reason: 'other', message: ' ' })).status).toBe(422)
    expect((await status(created.id, { status: VENDOR_ACTIONS.decline.to, reason: 'not-a-reason', message: '' })).status).toBe(422)
  })

  it('an unusual 4xx reaches the user as a refusal, not as “server error, try again”', async () => {
    const order = (await app.ok('listOrders')).orders[0]
    if (!order) throw new Error('no orders')
    await sandboxControl(sandbox.url).fault({ method: 'GET', path: '/api/clients/*/loans/*/orders/*', status: 418, count: 1 })
    const result = await app.call('getOrder', order)
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^The platform refused this \(HTTP 418\)/) } })
    expect(result.ok ? '' : result.error.message).not.toMatch(/try again in a moment/i)
  })
})
