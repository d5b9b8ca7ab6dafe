/** Each order with what lists need of it worked out once: its search text (lower-cased), times, queues; and the list orders. */
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS, isClosed, isInGroup, type StatusGroupId } from '../../../shared/order-workflow'

export type SortKey = 'due' | 'assigned' | 'fee'

export interface IndexedOrder {
  order: OrderSummary
  /** Lower-cased text an order is found by. */
  text: string
  due: number
  assigned: number
  closed: boolean
  respondBy: number
  /** The queues it is in, one bit per STATUS_GROUPS entry. */
  groups: number
}

export const groupBit = (group: StatusGroupId) => 1 << STATUS_GROUPS.findIndex((g) => g.id === group)

/** Lower-cased text an order is found by: address, order and loan numbers, borrower, client, product. */
export function searchTextOf(o: OrderSummary): string {
  return [o.address.line1, o.address.city, o.address.state, o.address.zip, o.orderNumber, o.loanNumber, o.borrowerName, o.clientName, o.product].join(' ').toLowerCase()
}

/** The queues of a status, one bit per STATUS_GROUPS entry — worked out once per status, not per order. */
const groupsByStatus = new Map<number, number>()
function groupsOf(statusCode: number): number {
  let groups = groupsByStatus.get(statusCode)
  if (groups === undefined) {
    groups = 0
    for (const [bit, g] of STATUS_GROUPS.entries()) if (isInGroup(g.id, statusCode)) groups |= 1 << bit
    groupsByStatus.set(statusCode, groups)
  }
  return groups
}

export function indexOrder(order: OrderSummary): IndexedOrder {
  return {
    order,
    text: searchTextOf(order),
    due: Date.parse(order.dueDate),
    assigned: Date.parse(order.assignedAt),
    closed: isClosed(order.statusCode),
    respondBy: order.respondBy ? Date.parse(order.respondBy) : Number.POSITIVE_INFINITY,
    groups: groupsOf(order.statusCode)
  }
}

export const indexOrders = (orders: readonly OrderSummary[]): IndexedOrder[] => orders.map(indexOrder)

export const SORTS: Record<SortKey, (a: IndexedOrder, b: IndexedOrder) => number> = {
  // Open work first, soonest due first; closed orders after, most recent first.
  due: (a, b) => {
    if (a.closed !== b.closed) return a.closed ? 1 : -1
    return a.closed ? b.due - a.due : a.due - b.due
  },
  assigned: (a, b) => b.assigned - a.assigned,
  fee: (a, b) => b.order.fee.amount - a.order.fee.amount
}

/** Awaiting answers sort by their response deadline, the soonest first. */
export function byResponseDeadline(a: IndexedOrder, b: IndexedOrder): number {
  return a.respondBy - b.respondBy || a.due - b.due
}
