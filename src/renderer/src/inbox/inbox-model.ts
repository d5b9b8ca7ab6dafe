/** The inbox as the window works with it: search text, queues, sorting, counts, and changes applied. */
import { orderKey, type Inbox, type InboxChanges, type OrderSummary } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS, isClosed, isInGroup, type StatusGroupId } from '../../../shared/order-workflow'

export type SortKey = 'due' | 'assigned' | 'fee'

export interface InboxView {
  group: StatusGroupId
  clientId: string | null
  search: string
  sort: SortKey
}

export const DEFAULT_VIEW: InboxView = { group: 'all', clientId: null, search: '', sort: 'due' }


/** Lower-cased text an order is found by: address, order and loan numbers, borrower, client. */
export function searchTextOf(o: OrderSummary): string {
  return [o.address.line1, o.address.city, o.address.state, o.address.zip, o.orderNumber, o.loanNumber, o.borrowerName, o.clientName, o.product]
    .join(' ')
    .toLowerCase()
}

export interface IndexedOrder {
  order: OrderSummary
  text: string
  due: number
  assigned: number
  closed: boolean
  respondBy: number
}

export function indexOrders(orders: readonly OrderSummary[]): IndexedOrder[] {
  return orders.map((order) => ({
    order,
    text: searchTextOf(order),
    due: Date.parse(order.dueDate),
    assigned: Date.parse(order.assignedAt),
    closed: isClosed(order.statusCode),
    respondBy: order.respondBy ? Date.parse(order.respondBy) : Number.POSITIVE_INFINITY
  }))
}

const comparators: Record<SortKey, (a: IndexedOrder, b: IndexedOrder) => number> = {
  // Open work first, soonest due first; closed orders after, most recent first.
  due: (a, b) => {
    if (a.closed !== b.closed) return a.closed ? 1 : -1
    return a.closed ? b.due - a.due : a.due - b.due
  },
  assigned: (a, b) => b.assigned - a.assigned,
  fee: (a, b) => b.order.fee.amount - a.order.fee.amount
}

/** The queue's orders in the view's order — sorted once per queue and sort, not per keystroke. */
export function queueOrders(index: readonly IndexedOrder[], view: Pick<InboxView, 'group' | 'clientId' | 'sort'>): IndexedOrder[] {
  return index
    .filter((item) => isInGroup(view.group, item.order.statusCode) && (view.clientId === null || item.order.clientId === view.clientId))
    .sort(view.group === 'awaiting' && view.sort === 'due' ? byResponseDeadline : comparators[view.sort])
}

/** The sorted queue narrowed by the search (every term found), keeping its order. */
export function searchOrders(sorted: readonly IndexedOrder[], search: string): OrderSummary[] {
  const terms = search.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const found: OrderSummary[] = []
  for (const item of sorted) if (terms.every((t) => item.text.includes(t))) found.push(item.order)
  return found
}

export function visibleOrders(index: readonly IndexedOrder[], view: InboxView): OrderSummary[] {
  return searchOrders(queueOrders(index, view), view.search)
}

/** Live counts per queue, within the selected client. */
export function groupCounts(orders: readonly OrderSummary[], clientId: string | null): Record<StatusGroupId, number> {
  const counts = Object.fromEntries(STATUS_GROUPS.map((g) => [g.id, 0])) as Record<StatusGroupId, number>
  for (const o of orders) {
    if (clientId !== null && o.clientId !== clientId) continue
    for (const g of STATUS_GROUPS) if (isInGroup(g.id, o.statusCode)) counts[g.id]++
  }
  return counts
}

/** Orders per client within the selected queue. */
export function clientCounts(orders: readonly OrderSummary[], group: StatusGroupId): Map<string, number> {
  const counts = new Map<string, number>()
  for (const o of orders) if (isInGroup(group, o.statusCode)) counts.set(o.clientId, (counts.get(o.clientId) ?? 0) + 1)
  return counts
}

/** The inbox with a sync's changes applied: only the orders that changed are touched. */
export function applyInboxChanges(inbox: Inbox, changes: InboxChanges): Inbox {
  const byKey = new Map(inbox.orders.map((o) => [orderKey(o), o]))
  for (const ref of changes.removed) byKey.delete(orderKey(ref))
  for (const order of [...changes.added, ...changes.changed]) byKey.set(orderKey(order), order)
  return { ...inbox, orders: [...byKey.values()], clients: changes.clients, failures: changes.failures, fetchedAt: changes.fetchedAt, offlineSince: changes.offlineSince }
}

/** Awaiting answers sort by their response deadline, the soonest first. */
export function byResponseDeadline(a: IndexedOrder, b: IndexedOrder): number {
  return a.respondBy - b.respondBy || a.due - b.due
}
