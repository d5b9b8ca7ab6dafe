import type { Inbox, InboxChanges, OrderSummary } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS, inSet, isInGroup, type StatusGroupId } from '../../../shared/order-workflow'

export type SortKey = 'due' | 'assigned' | 'fee'

export interface InboxView {
  group: StatusGroupId
  clientId: string | null
  search: string
  sort: SortKey
}

export const DEFAULT_VIEW: InboxView = { group: 'all', clientId: null, search: '', sort: 'due' }

export const orderKey = (o: Pick<OrderSummary, 'clientId' | 'loanId' | 'orderId'>) => `${o.clientId}/${o.loanId}/${o.orderId}`

export const isClosed = (code: number) => inSet('closed', code)

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
}

export function indexOrders(orders: readonly OrderSummary[]): IndexedOrder[] {
  return orders.map((order) => ({
    order,
    text: searchTextOf(order),
    due: Date.parse(order.dueDate),
    assigned: Date.parse(order.assignedAt)
  }))
}

const comparators: Record<SortKey, (a: IndexedOrder, b: IndexedOrder) => number> = {
  // Open work first, soonest due first; closed orders after, most recent first.
  due: (a, b) => {
    const ca = isClosed(a.order.statusCode)
    const cb = isClosed(b.order.statusCode)
    if (ca !== cb) return ca ? 1 : -1
    return ca ? b.due - a.due : a.due - b.due
  },
  assigned: (a, b) => b.assigned - a.assigned,
  fee: (a, b) => b.order.fee.amount - a.order.fee.amount
}

export function visibleOrders(index: readonly IndexedOrder[], view: InboxView): OrderSummary[] {
  const terms = view.search.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return index
    .filter(
      (item) =>
        isInGroup(view.group, item.order.statusCode) &&
        (view.clientId === null || item.order.clientId === view.clientId) &&
        terms.every((t) => item.text.includes(t))
    )
    .sort(view.group === 'awaiting' && view.sort === 'due' ? byResponseDeadline : comparators[view.sort])
    .map((item) => item.order)
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
  return { ...inbox, orders: [...byKey.values()], fetchedAt: changes.fetchedAt, offlineSince: changes.offlineSince }
}

/** Awaiting answers sort by their response deadline, the soonest first. */
export function byResponseDeadline(a: IndexedOrder, b: IndexedOrder): number {
  const da = a.order.respondBy ? Date.parse(a.order.respondBy) : Number.POSITIVE_INFINITY
  const db = b.order.respondBy ? Date.parse(b.order.respondBy) : Number.POSITIVE_INFINITY
  return da - db || a.due - b.due
}
