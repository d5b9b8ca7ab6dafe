import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- a test that draws orders in every status; no rule here tests one
import { ORDER_STATUS, STATUS_GROUPS, isClosed, isInGroup } from '../../../shared/order-workflow'
import type { InboxView } from './inbox-model'
import { applyInboxChanges } from './inbox-model'
import { orderKey, type Inbox, type InboxChanges, type OrderSummary } from '../../../shared/ipc/order-schemas'
import { createOrderIndexer, indexOrder, indexOrders, searchText } from '../../../shared/inbox/order-index'
import { QueueSearch } from './order-search'
import { firstScreenLists } from '../../../shared/inbox/first-screen-lists'
import { buildQueues, sortIndex } from '../../../shared/inbox/queue-lists'
import { QueueListsKeeper } from './queue-lists-keeper'

/**
 * The fast lists (one sort, queues built in one pass, searches narrowed from earlier ones) show
 * exactly what the plain definition shows: the queue's orders of the chosen client, every search
 * word found, in the sort's order — for any inbox, any view, and any sequence of keystrokes.
 */
const CODES = Object.values(ORDER_STATUS)
const WORDS = ['maple', 'madison', 'oak', 'summit', 'chen', 'wi', 'ov-2026-1', '1004']

/** The definition, written plainly: filter, then a stable sort; the awaiting queue by response deadline. */
function plainList(orders: readonly OrderSummary[], view: Omit<InboxView, 'savedView'>): string[] {
  const terms = view.search.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const text = (o: OrderSummary) => [o.address.line1, o.address.city, o.address.state, o.address.zip, o.orderNumber, o.loanNumber, o.borrowerName, o.clientName, o.product].join(' ').toLowerCase()
  const due = (o: OrderSummary) => Date.parse(o.dueDate)
  const byDue = (a: OrderSummary, b: OrderSummary) => (isClosed(a.statusCode) !== isClosed(b.statusCode) ? (isClosed(a.statusCode) ? 1 : -1) : isClosed(a.statusCode) ? due(b) - due(a) : due(a) - due(b))
  const respond = (o: OrderSummary) => (o.respondBy ? Date.parse(o.respondBy) : Number.POSITIVE_INFINITY)
  const sorts = {
    due: view.group === 'awaiting' ? (a: OrderSummary, b: OrderSummary) => respond(a) - respond(b) || due(a) - due(b) : byDue,
    assigned: (a: OrderSummary, b: OrderSummary) => Date.parse(b.assignedAt) - Date.parse(a.assignedAt),
    fee: (a: OrderSummary, b: OrderSummary) => b.fee.amount - a.fee.amount
  }
  return orders
    .filter((o) => isInGroup(view.group, o.statusCode) && (view.clientId === null || o.clientId === view.clientId))
    .filter((o) => terms.every((t) => text(o).includes(t)))
    .sort(sorts[view.sort])
    .map((o) => o.orderId)
}

const time = fc.integer({ min: Date.parse('2026-10-01T00:00:00Z'), max: Date.parse('2027-01-31T00:00:00Z') }).map((ms) => new Date(ms - (ms % 3_600_000)).toISOString())
const orderArb = fc.record({
  clientId: fc.constantFrom('cl-a', 'cl-b', 'cl-c'),
  statusCode: fc.constantFrom(...CODES),
  street: fc.constantFrom('12 Oak St', '9 Maple Ave', '3537 Meadow Ln', '1 Summit Rd'),
  city: fc.constantFrom('Madison', 'Waukesha', 'Oak Park'),
  borrower: fc.constantFrom('Avery Chen', 'Nora Patel', 'Sam Madison'),
  fee: fc.constantFrom(350, 450, 550),
  due: time,
  assigned: time,
  respondBy: fc.option(time, { nil: null }),
  product: fc.constantFrom('1004 URAR', 'Desktop 1004', '2055 Exterior')
})
const inboxArb = fc.array(orderArb, { maxLength: 60 }).map((rows) =>
  rows.map(
    (r, i): OrderSummary => ({
      clientId: r.clientId,
      loanId: `ln-${i}`,
      orderId: `ord-${i}`,
      clientName: r.clientId === 'cl-b' ? 'Summit Valuation' : 'Lakeshore Mortgage',
      orderNumber: `OV-2026-${10000 + i}`,
      loanNumber: `41000${i}`,
      statusCode: r.statusCode,
      product: r.product,
      fee: { amount: r.fee, currency: 'USD' },
      dueDate: r.due,
      rush: false,
      address: { line1: r.street, city: r.city, state: 'WI', zip: '53703' },
      borrowerName: r.borrower,
      assignedAt: r.assigned,
      updatedAt: r.assigned,
      respondBy: r.respondBy,
      latestRevision: null,
      appointmentAt: null
    })
  )
)
/** What an appraiser types: words typed key by key, some deleted again, spaces and capitals included. */
const typingArb = fc.array(fc.record({ word: fc.constantFrom(...WORDS, 'MAPLE', 'zz'), deleteAfter: fc.nat({ max: 6 }) }), { minLength: 1, maxLength: 4 }).map((words) => {
  const queries: string[] = []
  let text = ''
  for (const { word, deleteAfter } of words) {
    for (const ch of `${text === '' ? '' : ' '}${word}`) queries.push((text += ch))
    for (let i = 0; i < deleteAfter && text.length > 0; i++) queries.push((text = text.slice(0, -1)))
  }
  return queries
})

describe('the inbox lists', () => {
  it('show exactly what filtering and sorting every order would show, keystroke after keystroke', () => {
    fc.assert(
      fc.property(inboxArb, fc.constantFrom(...STATUS_GROUPS.map((g) => g.id)), fc.constantFrom(null, 'cl-a', 'cl-b'), fc.constantFrom('due' as const, 'assigned' as const, 'fee' as const), typingArb, (orders, group, clientId, sort, queries) => {
        const index = indexOrders(orders)
        const queues = buildQueues(sortIndex(index, sort), sort, clientId)
        const search = new QueueSearch(queues.orders[group])
        for (const query of ['', ...queries]) expect(search.find(query).map((i) => i.order.orderId), `"${query}"`).toEqual(plainList(orders, { group, clientId, sort, search: query }))
        for (const g of STATUS_GROUPS) expect(queues.counts[g.id]).toBe(plainList(orders, { group: g.id, clientId, sort, search: '' }).length)
        for (const g of STATUS_GROUPS)
          expect([...queues.perClient[g.id]].sort()).toEqual([...new Set(orders.map((o) => o.clientId))].map((c) => [c, plainList(orders, { group: g.id, clientId: c, sort, search: '' }).length] as const).filter(([, n]) => n > 0).sort())
      }),
      { numRuns: 300 }
    )
  })

  it("the first screen's rows are the whole list's first rows, in its order, and every count is the whole lists'", () => {
    // Times to the hour and three fees: many ties, which must keep the inbox's order as the whole list's stable sort does.
    let compared = 0
    let refused = 0
    fc.assert(
      fc.property(inboxArb, fc.constantFrom(null, 'cl-a', 'cl-b'), fc.constantFrom('due' as const, 'assigned' as const, 'fee' as const), fc.integer({ min: 1, max: 12 }), fc.option(fc.nat(), { freq: 2 }), (drawn, clientId, sort, rows, unreadable) => {
        const orders = drawn.map((o, i) => (unreadable !== null && i === unreadable % drawn.length ? { ...o, dueDate: 'not a time' } : o))
        const index = indexOrders(orders)
        const whole = buildQueues(sortIndex(index, sort), sort, clientId)
        for (const { id: group } of STATUS_GROUPS) {
          const first = firstScreenLists(index, group, sort, clientId, rows)
          if (first === null) {
            refused++
            expect(index.some((item) => Number.isNaN(item.due)), 'refused only for an inbox holding a time that does not read').toBe(true)
            continue
          }
          compared++
          expect(first.orders[group].map((i) => i.order), group).toEqual(whole.orders[group].slice(0, rows).map((i) => i.order))
          for (const g of STATUS_GROUPS) {
            expect(first.counts[g.id]).toBe(whole.counts[g.id])
            expect([...first.perClient[g.id]].sort()).toEqual([...whole.perClient[g.id]].sort())
          }
        }
      }),
      { numRuns: 300 }
    )
    expect(compared, 'queues whose first screen was compared').toBeGreaterThan(600)
    expect(refused, 'queues refused for an unreadable time').toBeGreaterThan(300)
  })

  it("after a sync, an order it left as it was keeps its index entry (and search text); every entry is its own order's", () => {
    const syncArb = inboxArb.chain((orders) =>
      fc.record({
        orders: fc.constant(orders),
        fates: fc.array(fc.constantFrom('kept', 'kept', 'kept', 'changed', 'removed'), { minLength: orders.length, maxLength: orders.length }),
        added: inboxArb.map((more) => more.slice(0, 5).map((o, i) => ({ ...o, orderId: `ord-new-${i}` })))
      })
    )
    fc.assert(
      fc.property(syncArb, ({ orders, fates, added }) => {
        const previous = indexOrders(orders)
        for (const item of previous) searchText(item)
        const changed = orders.filter((_, i) => fates[i] === 'changed').map((o) => ({ ...o, statusCode: CODES[(CODES.indexOf(o.statusCode as (typeof CODES)[number]) + 1) % CODES.length] as number, dueDate: '2027-01-15T12:00:00.000Z' }))
        const removed = orders.filter((_, i) => fates[i] === 'removed')
        const lists = { clients: [], failures: [], fetchedAt: '2026-12-01T12:00:00.000Z', offlineSince: null }
        const next = applyInboxChanges({ ...lists, orders }, { ...lists, added, changed, removed }).orders
        const items = indexOrders(next, previous)
        expect(items).toHaveLength(next.length)
        for (const [i, item] of items.entries()) {
          const order = next[i] as OrderSummary
          expect(item.order).toBe(order)
          expect({ ...item, text: null }).toEqual(indexOrder(order))
          const before = orders.indexOf(order)
          if (before >= 0) expect(item).toBe(previous[before])
        }
      }),
      { numRuns: 200 }
    )
  })

  it('an order whose place the walk cannot find (many removed before it) is indexed anew, not given another order\'s entry', () => {
    const orders = fc
      .sample(inboxArb, { numRuns: 200, seed: 7 })
      .flat()
      .map((o, i) => ({ ...o, orderId: `ord-${i}` }))
    expect(orders.length).toBeGreaterThan(300)
    const previous = indexOrders(orders)
    // The first 200 removed: further than the walk looks ahead from the start.
    const next = orders.slice(200)
    const items = indexOrders(next, previous)
    for (const [i, item] of items.entries()) {
      expect(item.order).toBe(next[i])
      expect({ ...item, text: null }).toEqual(indexOrder(next[i] as OrderSummary))
    }
  })

  it("a sync's changes leave the inbox as a Map keyed by order would, looking only at the orders they name", () => {
    /** The definition: every order by key; removed ones deleted, then added and changed ones set. */
    const byMap = (inbox: Inbox, changes: InboxChanges) => {
      const byKey = new Map(inbox.orders.map((o) => [orderKey(o), o]))
      for (const ref of changes.removed) byKey.delete(orderKey(ref))
      for (const order of [...changes.added, ...changes.changed]) byKey.set(orderKey(order), order)
      return [...byKey.values()]
    }
    const lists = { clients: [], failures: [], fetchedAt: '2026-12-01T12:00:00.000Z', offlineSince: null }
    const syncArb = inboxArb.chain((orders) => {
      const someOf = fc.subarray(orders)
      const edited = (o: OrderSummary) => ({ ...o, statusCode: 2 as number, updatedAt: '2027-01-15T12:00:00.000Z' })
      return fc.record({
        orders: fc.constant(orders),
        removed: someOf.map((os) => os.map(({ clientId, loanId, orderId }) => ({ clientId, loanId, orderId }))),
        changed: fc.tuple(someOf, someOf).map(([a, b]) => [...a, ...b].map(edited)),
        // New orders, ones already there sent as added, and one sharing an order id under another client.
        added: fc.tuple(inboxArb, someOf).map(([more, again]) => [...more.slice(0, 4).map((o, i) => ({ ...o, orderId: `ord-new-${i}` })), ...again.map(edited), ...more.slice(0, 1).map((o) => ({ ...o, clientId: 'cl-z' }))])
      })
    })
    fc.assert(
      fc.property(syncArb, ({ orders, removed, changed, added }) => {
        const inbox: Inbox = { ...lists, orders }
        const changes: InboxChanges = { ...lists, fetchedAt: '2026-12-01T12:01:00.000Z', removed, changed, added }
        const next = applyInboxChanges(inbox, changes)
        const expected = byMap(inbox, changes)
        expect(next.orders.map(orderKey)).toEqual(expected.map(orderKey))
        for (const [i, order] of next.orders.entries()) expect(order).toBe(expected[i])
        expect(next.fetchedAt).toBe(changes.fetchedAt)
      }),
      { numRuns: 400 }
    )
    const orders = fc.sample(inboxArb, { numRuns: 1, seed: 3 })[0] ?? []
    const quiet = applyInboxChanges({ ...lists, orders }, { ...lists, offlineSince: '2026-12-01T12:05:00.000Z', added: [], changed: [], removed: [] })
    expect(quiet.orders, 'a sync that changed no order keeps the list').toBe(orders)
    expect(quiet.offlineSince).toBe('2026-12-01T12:05:00.000Z')
  })

  it('kept across syncs, every queue, count and client count is what a rebuild gives', () => {
    // A keeper per window, as the app has: merges into another run's lists would not be syncs.
    let merges = 0
    const lists = { clients: [], failures: [], fetchedAt: '2026-12-01T12:00:00.000Z', offlineSince: null }
    const viewArb = fc.record({ sort: fc.constantFrom('due' as const, 'assigned' as const, 'fee' as const), clientId: fc.constantFrom(null, 'cl-a', 'cl-b') })
    const fateArb = fc.constantFrom('kept', 'kept', 'kept', 'kept', 'moved', 'due', 'removed')
    // One sync in ten or so sends an order whose due time does not read as a time.
    const syncsArb = fc.array(fc.record({ fates: fc.array(fateArb, { minLength: 60, maxLength: 60 }), unreadable: fc.nat({ max: 599 }), added: inboxArb, view: fc.option(viewArb, { nil: undefined }), idle: fc.boolean() }), { minLength: 1, maxLength: 5 })
    let run = 0
    fc.assert(
      fc.property(inboxArb, viewArb, syncsArb, (first, startView, syncs) => {
        run++
        const keeper = new QueueListsKeeper()
        const indexer = createOrderIndexer()
        let inbox: Inbox = { ...lists, orders: first }
        let view = startView
        for (const [n, sync] of [{ fates: [], unreadable: 600, added: [], view: undefined, idle: false }, ...syncs].entries()) {
          const changed: OrderSummary[] = []
          const removed: OrderSummary[] = []
          for (const [i, o] of inbox.orders.entries()) {
            const fate = i === sync.unreadable ? 'unreadable' : (sync.fates[i] ?? 'kept')
            if (fate === 'removed') removed.push(o)
            if (fate === 'moved') changed.push({ ...o, statusCode: CODES[(CODES.indexOf(o.statusCode as (typeof CODES)[number]) + 3) % CODES.length] as number, respondBy: o.respondBy ? null : '2026-12-02T09:00:00.000Z' })
            if (fate === 'due') changed.push({ ...o, dueDate: '2026-12-03T10:00:00.000Z', assignedAt: '2026-11-20T10:00:00.000Z', fee: { amount: 450, currency: 'USD' } })
            if (fate === 'unreadable') changed.push({ ...o, dueDate: 'not a time' })
          }
          const added = sync.added.slice(0, 6).map((o, i) => ({ ...o, loanId: `ln-${run}-${n}-${i}`, orderId: `ord-${run}-${n}-${i}` }))
          inbox = applyInboxChanges(inbox, { ...lists, added, changed, removed })
          view = sync.view ?? view
          const index = indexer(inbox.orders)
          const kept = keeper.lists(index, view.sort, view.clientId)
          const rebuilt = buildQueues(sortIndex(index, view.sort), view.sort, view.clientId)
          for (const g of STATUS_GROUPS) {
            expect(kept.orders[g.id].map((i) => i.order), `${g.id} after sync ${n}`).toEqual(rebuilt.orders[g.id].map((i) => i.order))
            expect(kept.counts[g.id]).toBe(rebuilt.counts[g.id])
            expect([...kept.perClient[g.id]].sort()).toEqual([...rebuilt.perClient[g.id]].sort())
          }
          // The window marks the lists in idle time when it has some before the next sync.
          if (sync.idle) keeper.prepare()
        }
        merges += keeper.merges
      }),
      { numRuns: 300 }
    )
    expect(merges, 'syncs whose lists were merged, not rebuilt').toBeGreaterThan(100)
  })

  it('lists holding an order whose time does not read as one are rebuilt at the next change, not merged', () => {
    const lists = { clients: [], failures: [], fetchedAt: '2026-12-01T12:00:00.000Z', offlineSince: null }
    const orders = fc.sample(inboxArb, { numRuns: 20, seed: 7 }).flat().map((o, i) => ({ ...o, loanId: `ln-${i}`, orderId: `ord-${i}` }))
    expect(orders.length).toBeGreaterThan(20)
    for (const [unreadable, idle] of [[false, false], [false, true], [true, false], [true, true]] as const) {
      const first = orders.map((o, i) => (unreadable && i === 3 ? { ...o, dueDate: 'not a time' } : o))
      const keeper = new QueueListsKeeper()
      const indexer = createOrderIndexer()
      keeper.lists(indexer(first), 'due', null)
      if (idle) keeper.prepare()
      const changed = { ...(first[0] as OrderSummary), dueDate: '2026-12-03T10:00:00.000Z' }
      const next = applyInboxChanges({ ...lists, orders: first }, { ...lists, added: [], removed: [], changed: [changed] })
      keeper.lists(indexer(next.orders), 'due', null)
      expect(keeper.merges, unreadable ? 'an unreadable time in the kept lists' : 'every time readable').toBe(unreadable ? 0 : 1)
    }
  })
})
