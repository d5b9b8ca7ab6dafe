import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SORT_KEYS, indexOrders } from '../../src/shared/inbox/order-index'
import { buildQueues, sortIndex } from '../../src/shared/inbox/queue-lists'
import type { FirstScreenView } from '../../src/shared/ipc/first-screen-wire'
import type { Inbox } from '../../src/shared/ipc/order-schemas'
import { STATUS_GROUPS } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { listsFromFirstScreen } from '../../src/shared/inbox/lists-from-first-screen'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'

/**
 * The first screen main sends a window that opens: through real HTTP against the sandbox, the rows
 * and counts it gives for every view are the ones the window's whole lists of the same inbox begin
 * with — so what the appraiser first sees does not jump when the whole inbox comes.
 */
let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let app: TestCore
let whole: Inbox

beforeAll(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000, orders: 600 })
  profile = tempProfile()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: false })
  whole = await app.ok('listOrders', { cached: true })
})
afterAll(async () => {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

const idsOf = (orders: readonly { orderId: string }[]) => orders.map((o) => o.orderId)

describe('the first screen of a window that opens', () => {
  it('for every queue, sort and client: the whole list’s first rows, and every count the whole lists give', async () => {
    const clients = [null, ...whole.clients.map((c) => c.id), 'c-no-such-client']
    let views = 0
    let rowsCompared = 0
    for (const sort of SORT_KEYS) {
      for (const clientId of clients) {
        const lists = buildQueues(sortIndex(indexOrders(whole.orders), sort), sort, clientId)
        for (const { id: group } of STATUS_GROUPS) {
          for (const rows of [1, 7, 100]) {
            const view: FirstScreenView = { group, sort, clientId, rows }
            const screen = await app.ok('inboxFirstScreen', view)
            expect(screen.view).toEqual(view)
            expect(screen.fetchedAt).toBe(whole.fetchedAt)
            expect(screen.clients).toEqual(whole.clients)
            const expected = idsOf(lists.orders[group].slice(0, rows).map((item) => item.order))
            expect(idsOf(screen.orders ?? []), `${group} by ${sort} for ${clientId ?? 'every client'}`).toEqual(expected)
            for (const g of STATUS_GROUPS) expect(new Map(screen.perClient[g.id]), g.id).toEqual(lists.perClient[g.id])
            views++
            rowsCompared += expected.length
          }
        }
      }
    }
    expect(views).toBe(SORT_KEYS.length * clients.length * STATUS_GROUPS.length * 3)
    expect(rowsCompared).toBeGreaterThan(2_000)
  })

  it('the window shows from it every count its whole lists give, for any sort and client picked before the whole inbox comes, and rows only for its own view', async () => {
    const screen = await app.ok('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 100 })
    let queuesCompared = 0
    for (const sort of SORT_KEYS) {
      for (const clientId of [null, ...whole.clients.map((c) => c.id), 'c-no-such-client']) {
        const lists = buildQueues(sortIndex(indexOrders(whole.orders), sort), sort, clientId)
        const shown = listsFromFirstScreen(screen, sort, clientId)
        expect(shown.counts, `${sort}, ${clientId ?? 'every client'}`).toEqual(lists.counts)
        expect(shown.perClient).toEqual(lists.perClient)
        for (const { id: group } of STATUS_GROUPS) {
          const ownView = group === 'all' && sort === 'due' && clientId === null
          expect(idsOf(shown.orders[group].map((item) => item.order)), `${group}, ${sort}, ${clientId ?? 'every client'}`).toEqual(ownView ? idsOf(lists.orders.all.slice(0, 100).map((item) => item.order)) : [])
          queuesCompared++
        }
      }
    }
    expect(queuesCompared).toBe(SORT_KEYS.length * (whole.clients.length + 2) * STATUS_GROUPS.length)
  })

  it('sends the rows whole: each one is the order the whole inbox holds', async () => {
    const screen = await app.ok('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 100 })
    const byId = new Map(whole.orders.map((o) => [o.orderId, o]))
    expect(screen.orders).toHaveLength(100)
    for (const order of screen.orders ?? []) expect(order).toEqual(byId.get(order.orderId))
  })

  it('refuses a view that is not one: an unknown queue or sort, too many rows, a client id that is not an id', async () => {
    for (const bad of [
      { group: 'everything', sort: 'due', clientId: null, rows: 10 },
      { group: 'all', sort: 'price', clientId: null, rows: 10 },
      { group: 'all', sort: 'due', clientId: null, rows: 100_000 },
      { group: 'all', sort: 'due', clientId: '../orders', rows: 10 },
      { group: 'all', sort: 'due', clientId: null }
    ]) {
      expect(await app.call('inboxFirstScreen', bad as unknown as FirstScreenView), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })
})
