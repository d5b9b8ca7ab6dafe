// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { OrderSummary } from '../../shared/ipc/order-schemas'
import { DEFAULT_VIEW, type InboxView } from './inbox/inbox-model'
import { indexOrders, type IndexedOrder } from '../../shared/inbox/order-index'
import { QueueSearch } from './inbox/order-search'
import { buildQueues, sortIndex } from '../../shared/inbox/queue-lists'
import { isClosed } from '../../shared/order-workflow'
import { calendarDateOf, describeDue, formatAtProperty, formatDueDate, formatMoment, formatMoney, formatRelative, readableInstants } from './lib/format'
import { commandForKey } from './app/shortcuts'

const order = (over: Partial<OrderSummary>): OrderSummary => ({
  clientId: 'cl-a',
  loanId: 'ln-1',
  orderId: 'ord-1',
  clientName: 'Lakeshore Mortgage',
  orderNumber: 'OV-2026-10001',
  loanNumber: '4100000001',
  statusCode: 1,
  product: '1004 URAR',
  fee: { amount: 550, currency: 'USD' },
  dueDate: '2026-12-01T17:00:00.000Z',
  rush: false,
  address: { line1: '12 Oak St', city: 'Waukesha', state: 'WI', zip: '53186' },
  borrowerName: 'Avery Chen',
  assignedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  respondBy: null,
  latestRevision: null,
  appointmentAt: null,
  ...over
})

describe('inbox model', () => {
  const orders = [
    order({ orderId: 'a', statusCode: 1, dueDate: '2026-12-03T00:00:00Z' }),
    order({ orderId: 'b', statusCode: 14, clientId: 'cl-b', clientName: 'Summit', address: { line1: '9 Maple Ave', city: 'Madison', state: 'WI', zip: '53703' } }),
    order({ orderId: 'c', statusCode: 16, dueDate: '2026-11-01T00:00:00Z' }),
    order({ orderId: 'd', statusCode: 17, borrowerName: 'Nora Patel', dueDate: '2026-11-30T00:00:00Z' })
  ]
  const index = indexOrders(orders)
  const visibleOrders = (items: readonly IndexedOrder[], view: InboxView) => new QueueSearch(buildQueues(sortIndex(items, view.sort), view.sort, view.clientId).orders[view.group]).find(view.search).map((i) => i.order)

  it('puts each order in its queue; a declined order only under All orders', () => {
    const queues = buildQueues(sortIndex(index, 'due'), 'due', null)
    expect(queues.counts).toEqual({ awaiting: 1, active: 0, inspection: 1, qc: 0, revision: 1, completed: 0, all: 4 })
    expect(isClosed(16)).toBe(true)
    expect(queues.perClient.all.get('cl-b')).toBe(1)
  })

  it('searches address, borrower and client, every word', () => {
    expect(visibleOrders(index, { ...DEFAULT_VIEW, search: 'maple madison' }).map((o) => o.orderId)).toEqual(['b'])
    expect(visibleOrders(index, { ...DEFAULT_VIEW, search: 'nora' }).map((o) => o.orderId)).toEqual(['d'])
    expect(visibleOrders(index, { ...DEFAULT_VIEW, search: 'summit' }).map((o) => o.orderId)).toEqual(['b'])
  })

  it('sorts open work by due date first, closed orders last', () => {
    expect(visibleOrders(index, DEFAULT_VIEW).map((o) => o.orderId)).toEqual(['d', 'b', 'a', 'c'])
  })
})

describe('formatting', () => {
  const now = new Date('2026-11-28T12:00:00Z')
  it('says how urgent a due date is', () => {
    expect(describeDue('2026-11-26T12:00:00Z', now, false)).toEqual({ label: 'Overdue by 2 days', urgency: 'overdue' })
    expect(describeDue('2026-11-28T18:00:00Z', now, false)).toEqual({ label: 'Due today', urgency: 'soon' })
    expect(describeDue('2026-11-29T18:00:00Z', now, false).label).toBe('Due tomorrow')
    expect(describeDue('2026-11-26T12:00:00Z', now, true).urgency).toBe('closed')
    // On hold, a due date gone by is paused, not overdue.
    expect(describeDue('2026-11-26T12:00:00Z', now, false, true)).toEqual({ label: 'On hold', urgency: 'held' })
  })
  it('takes a due date as the date the platform wrote, whatever the hour or the zone', () => {
    expect(calendarDateOf('2026-12-11T00:00:00.000Z')).toEqual({ year: 2026, month: 12, day: 11 })
    expect(calendarDateOf('2026-12-11T23:30:00-05:00')).toEqual({ year: 2026, month: 12, day: 11 })
    expect(formatDueDate('2026-12-11T00:00:00.000Z')).toMatch(/Dec 11, 2026/)
  })
  it('writes instants inside platform text as people read them', () => {
    expect(readableInstants('Appointment 2026-12-08T14:00:00.000Z')).toBe(`Appointment ${formatMoment('2026-12-08T14:00:00.000Z')}`)
    expect(readableInstants('Appointment 2026-12-08T14:00:00.000Z')).not.toMatch(/T14:00/)
    expect(readableInstants('Order OV-2026-10091 was assigned')).toBe('Order OV-2026-10091 was assigned')
  })
  it('labels a time at the property with its zone when its clock is not the computer’s', () => {
    expect(formatAtProperty('2026-12-14T20:00:00.000Z', 'America/Chicago')).toMatch(/2:00\s?PM CST$/)
    expect(formatAtProperty('2026-12-14T20:00:00.000Z', null)).not.toMatch(/[A-Z]{3}$/)
  })
  it('says "just now" rather than "0 seconds ago"', () => {
    expect(formatRelative(new Date(Date.now() - 2_000).toISOString())).toBe('just now')
    expect(formatRelative(new Date(Date.now() - 3 * 3_600_000).toISOString())).toBe('3 hours ago')
  })
  it('formats money with its currency', () => {
    expect(formatMoney(575, 'USD')).toMatch(/575\.00/)
  })
})

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })
  it('maps Ctrl (Cmd on macOS) shortcuts to the menu commands', () => {
    expect(commandForKey(key('2', { ctrlKey: true }), false)).toEqual({ command: 'showQueue', queue: 'active' })
    expect(commandForKey(key('r', { ctrlKey: true }), false)).toEqual({ command: 'refresh' })
    expect(commandForKey(key('f', { metaKey: true }), true)).toEqual({ command: 'focusSearch' })
    expect(commandForKey(key(',', { metaKey: true }), true)).toEqual({ command: 'openSettings' })
    expect(commandForKey(key('r', { metaKey: true }), false)).toBeNull()
    expect(commandForKey(key('9', { ctrlKey: true }), false)).toBeNull()
  })
})
