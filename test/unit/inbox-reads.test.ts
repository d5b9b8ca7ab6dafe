import { describe, expect, it } from 'vitest'
import { ORDERS_PAGE_SIZE_MAX } from '../../src/platform/endpoints'
import type { PlatformOrder } from '../../src/platform/schemas'
import { createLogger } from '../../src/main/core/logger'
import { InboxService, type ClientOrders } from '../../src/main/core/orders/inbox-service'
import { orderPageReader } from '../../src/main/core/orders/order-page-reader'
import type { BodyReader } from '../../src/main/core/platform/platform-client'
import type { AuthSession } from '../../src/main/core/session/auth-session'
import { KnownOrders, type OrderDiff } from '../../src/main/core/sync/known-orders'

/**
 * What a sync compares: only orders on pages read anew, and only orders on no page any more have
 * left — even when a list read while it shifted showed an order on two pages.
 */
const CLIENT = { id: 'cl-a', name: 'Client A' }
const order = (n: number, status = 3): PlatformOrder =>
  ({
    id: `ord-${n}`,
    clientId: CLIENT.id,
    loanId: `ln-${n}`,
    orderNumber: `OV-${n}`,
    loanNumber: `${n}`,
    status,
    product: 'Desktop 1004',
    fee: 350,
    currency: 'USD',
    dueDate: '2026-12-20T17:00:00.000Z',
    rush: false,
    propertyAddress: { street: `${n} Elm St`, city: 'Madison', state: 'WI', zip: '53703' },
    borrowerName: 'Pat Doe',
    assignedAt: '2026-11-20T17:00:00.000Z',
    updatedAt: '2026-11-21T17:00:00.000Z',
    respondBy: null,
    latestRevision: null
  }) as PlatformOrder
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => order(from + i))

/** A platform whose pages can be set, answering 304 to the ETag of a page as it is. */
function platform() {
  const pages = new Map<number, { items: PlatformOrder[]; version: number }>()
  let total = 0
  const answer = (page: number) => ({ items: pages.get(page)?.items ?? [], page, pageSize: ORDERS_PAGE_SIZE_MAX, total })
  /** Sent as JSON is: a fresh copy each time, read by the caller's reader as the platform client does. */
  const sent = (page: number, read: BodyReader<unknown>) => {
    const result = read(Buffer.from(JSON.stringify(answer(page))))
    if (!result.success) throw new Error('the page was refused')
    return result.data
  }
  const auth = {
    call: async (name: string, args: { query?: { page: number } } | undefined, read: BodyReader<unknown>) => (name === 'me' ? { user: { id: 'u1' }, clients: [CLIENT] } : sent(args?.query?.page ?? 1, read)),
    callConditional: async (_name: string, args: { query: { page: number }; ifNoneMatch?: string }, read: BodyReader<unknown>) => {
      const page = args.query.page
      const etag = `"${page}-${pages.get(page)?.version ?? 0}"`
      return args.ifNoneMatch === etag ? { notModified: true } : { notModified: false, body: sent(page, read), etag }
    }
  } as unknown as AuthSession
  return {
    inbox: new InboxService(auth, createLogger(() => undefined), () => Date.now()),
    setPages(...lists: PlatformOrder[][]) {
      lists.forEach((items, i) => pages.set(i + 1, { items, version: (pages.get(i + 1)?.version ?? 0) + (pages.get(i + 1)?.items === items ? 0 : 1) }))
      for (const page of [...pages.keys()]) if (page > lists.length) pages.delete(page)
      total = lists.reduce((sum, items) => sum + items.length, 0)
    }
  }
}

async function readOnce(inbox: InboxService): Promise<ClientOrders> {
  const read = await inbox.read()
  const result = read.results[0]
  if (!result || 'error' in result) throw new Error('the client could not be read')
  return result
}

describe('a sync compares only what may have changed', () => {
  it('pages answered 304 are not compared; an order on two pages of a shifting read stays until it is on none', async () => {
    const { inbox, setPages } = platform()
    const known = new KnownOrders()
    const apply = async () => {
      const diff: OrderDiff = { added: [], changed: [], removed: [] }
      known.applyRead(await readOnce(inbox), diff, () => undefined)
      return { added: diff.added.map((o) => o.orderId), changed: diff.changed.map((o) => o.orderId), removed: diff.removed.map((o) => o.orderId) }
    }
    // Read while the list shifted: order 500 is on page 1 and on page 2.
    const page2 = [order(500), ...range(501, 520)]
    setPages(range(1, 500), page2)
    expect((await apply()).added).toHaveLength(520)
    expect(await apply()).toEqual({ added: [], changed: [], removed: [] })
    expect(known.all()).toHaveLength(520)

    // Page 1 changes (500 leaves it, 999 arrives); page 2 is unchanged and still shows 500.
    setPages([...range(1, 499), order(999)], page2)
    expect(await apply()).toEqual({ added: ['ord-999'], changed: [], removed: [] })
    expect(known.has({ clientId: CLIENT.id, loanId: 'ln-500', orderId: 'ord-500' })).toBe(true)

    // Now 500 leaves page 2 as well: it has left.
    setPages([...range(1, 499), order(999)], range(501, 520))
    expect(await apply()).toEqual({ added: [], changed: [], removed: ['ord-500'] })
  })

  it('an order changed on a page read anew is a change; the same order read again is not', async () => {
    const { inbox, setPages } = platform()
    const known = new KnownOrders()
    const apply = async () => {
      const diff: OrderDiff = { added: [], changed: [], removed: [] }
      known.applyRead(await readOnce(inbox), diff, () => undefined)
      return diff
    }
    setPages(range(1, 30))
    await apply()
    // A new page 1 where only order 7 differs.
    setPages(range(1, 30).map((o, i) => (i === 6 ? { ...o, status: 10 } : o)))
    const before = known.all()
    const diff = await apply()
    expect(diff.changed.map((o) => [o.orderId, o.statusCode])).toEqual([['ord-7', 10]])
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
    // The orders sent as before are not validated or mapped again: the summaries held are kept, the very objects.
    const after = known.all()
    expect(after.filter((o, i) => o === before[i]).map((o) => o.orderId)).toEqual(before.map((o) => o.orderId).filter((id) => id !== 'ord-7'))
  })
})

describe('reading a page of orders', () => {
  const page = (items: unknown[]) => Buffer.from(JSON.stringify({ items, page: 1, pageSize: ORDERS_PAGE_SIZE_MAX, total: items.length }))

  it('refuses an order of the wrong shape, naming where it is — also when the same order was accepted before in another shape', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 3)))
    if (!first.success) throw new Error('a good page was refused')
    const broken = orderPageReader(CLIENT.name, first.data)(page([order(1), { ...order(2), status: 'In Progress' }, order(3)]))
    expect(broken.success).toBe(false)
    if (!broken.success) expect(broken.error.issues.map((issue) => issue.path.join('.'))).toEqual(['items.1.status'])
  })

  it('maps an order anew when anything in it differs from the last read, however deep', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 2)))
    if (!first.success) throw new Error('a good page was refused')
    const moved = { ...order(2), propertyAddress: { ...order(2).propertyAddress, zip: '53704' } }
    const second = orderPageReader(CLIENT.name, first.data)(page([order(1), moved]))
    if (!second.success) throw new Error('a good page was refused')
    expect(second.data.orders[0]).toBe(first.data.orders[0])
    expect(second.data.orders[1]?.address.zip).toBe('53704')
  })

  it('compares each order with the last read of the page, byte for byte', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 3)))
    if (!first.success) throw new Error('a good page was refused')
    const moved = { ...order(2), propertyAddress: { ...order(2).propertyAddress, zip: '53704' } }
    const second = orderPageReader(CLIENT.name, first.data)(page([order(1), moved, order(3)]))
    if (!second.success) throw new Error('a good page was refused')
    // Compared with the page just read, the next read still tells the changed order from the others.
    const third = orderPageReader(CLIENT.name, second.data)(page([order(1), order(2), order(3)]))
    if (!third.success) throw new Error('a good page was refused')
    expect(third.data.orders[0]).toBe(first.data.orders[0])
    expect(third.data.orders[1]).not.toBe(second.data.orders[1])
    expect(third.data.orders[1]?.address.zip).toBe('53703')
    expect(third.data.orders[2]).toBe(first.data.orders[2])
  })

  it('reads an order sent in another layout (spacing, key order) anew, to the same summary', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 2)))
    if (!first.success) throw new Error('a good page was refused')
    const reordered = Object.fromEntries(Object.entries(order(2)).reverse())
    const spaced = Buffer.from(JSON.stringify({ items: [order(1), reordered], page: 1, pageSize: ORDERS_PAGE_SIZE_MAX, total: 2 }, null, 2))
    const second = orderPageReader(CLIENT.name, first.data)(spaced)
    if (!second.success) throw new Error('a good page was refused')
    expect(second.data.orders[1]).not.toBe(first.data.orders[1])
    expect(second.data.orders).toEqual(first.data.orders)
  })

  it('reads a page whose keys are written with escapes as JSON does — whole, every order checked', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 2)))
    if (!first.success) throw new Error('a good page was refused')
    // JSON.parse reads "\u0069tems" as "items": these are the page's orders, not the ones held.
    const escaped = Buffer.from(`{"\\u0069tems":${JSON.stringify([order(1), { ...order(2), status: 5 }])},"page":1,"pageSize":500,"total":2}`)
    const second = orderPageReader(CLIENT.name, first.data)(escaped)
    if (!second.success) throw new Error('a good page was refused')
    expect(second.data.orders.map((o) => o.statusCode)).toEqual([3, 5])
    expect(second.data.orders[0]).not.toBe(first.data.orders[0])
    // Not laid out plainly, so nothing of it is held to compare with: the next read checks every order.
    const third = orderPageReader(CLIENT.name, second.data)(page(range(1, 2)))
    if (!third.success) throw new Error('a good page was refused')
    expect(third.data.orders[0]).not.toBe(second.data.orders[0])
    expect(third.data.orders.map((o) => o.statusCode)).toEqual([3, 3])
  })

  it('refuses a page that is not JSON, even where its orders are byte for byte those held', async () => {
    const first = orderPageReader(CLIENT.name, null)(page(range(1, 2)))
    if (!first.success) throw new Error('a good page was refused')
    const good = page(range(1, 2)).toString('utf8')
    for (const broken of [good.replace('}],', '},],'), `${good}x`, good.replace('"page":1', '"page":01'), good.slice(0, -1)]) {
      expect(() => orderPageReader(CLIENT.name, first.data)(Buffer.from(broken))).toThrow(SyntaxError)
    }
  })
})
