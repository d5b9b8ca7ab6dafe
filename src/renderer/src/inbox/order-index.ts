/**
 * Each order with what lists need of it worked out once: its due time, queues and place; and the
 * list orders. What the first screen does not need — the search text, the assigned time — is worked
 * out when first asked for (or in idle time after the first paint), so the inbox shows sooner.
 */
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS, isClosed, isInGroup, type StatusGroupId } from '../../../shared/order-workflow'

export type SortKey = 'due' | 'assigned' | 'fee'

export interface IndexedOrder {
  order: OrderSummary
  /** Lower-cased text an order is found by; null until first needed (searchText). */
  text: string | null
  due: number
  /** null until first needed (assignedTime). */
  assigned: number | null
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

export const searchText = (item: IndexedOrder): string => (item.text ??= searchTextOf(item.order))
export const assignedTime = (item: IndexedOrder): number => (item.assigned ??= Date.parse(item.order.assignedAt))

/** Works out the search text of every order in slices of idle time, so the first keystroke does not; stops when cancelled. */
export function prepareSearchWhenIdle(index: readonly IndexedOrder[]): () => void {
  let next = 0
  let handle = 0
  const slice = (deadline: IdleDeadline) => {
    while (next < index.length && deadline.timeRemaining() > 1) {
      const end = Math.min(index.length, next + 500)
      for (; next < end; next++) searchText(index[next] as IndexedOrder)
    }
    if (next < index.length) handle = requestIdleCallback(slice)
  }
  handle = requestIdleCallback(slice)
  return () => cancelIdleCallback(handle)
}

export function indexOrder(order: OrderSummary): IndexedOrder {
  return {
    order,
    text: null,
    due: Date.parse(order.dueDate),
    assigned: null,
    closed: isClosed(order.statusCode),
    respondBy: order.respondBy ? Date.parse(order.respondBy) : Number.POSITIVE_INFINITY,
    groups: groupsOf(order.statusCode)
  }
}

/** Orders that a change left as they were keep their index entry (and its search text, once worked out). */
const indexed = new WeakMap<OrderSummary, IndexedOrder>()

export function indexOrders(orders: readonly OrderSummary[]): IndexedOrder[] {
  const items = new Array<IndexedOrder>(orders.length)
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as OrderSummary
    let item = indexed.get(order)
    if (!item) {
      item = indexOrder(order)
      indexed.set(order, item)
    }
    items[i] = item
  }
  return items
}

export const SORTS: Record<SortKey, (a: IndexedOrder, b: IndexedOrder) => number> = {
  // Open work first, soonest due first; closed orders after, most recent first.
  due: (a, b) => {
    if (a.closed !== b.closed) return a.closed ? 1 : -1
    return a.closed ? b.due - a.due : a.due - b.due
  },
  assigned: (a, b) => assignedTime(b) - assignedTime(a),
  fee: (a, b) => b.order.fee.amount - a.order.fee.amount
}

/** Awaiting answers sort by their response deadline, the soonest first. */
export function byResponseDeadline(a: IndexedOrder, b: IndexedOrder): number {
  return a.respondBy - b.respondBy || a.due - b.due
}
