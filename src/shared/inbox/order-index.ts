/**
 * Each order with what lists need of it worked out once: its due time, queues and place; and the
 * list orders. What the first screen does not need — the search text, the assigned time — is worked
 * out when first asked for (the window works out search texts in idle time after its first paint),
 * so the inbox shows sooner. Shared: main picks the window's first screen with the same orders.
 */
import type { OrderSummary } from '../ipc/order-schemas'
import { STATUS_GROUPS, isClosed, isInGroup, type StatusGroupId } from '../order-workflow'

/** The orders a list can be sorted in (SORTS says how). */
export const SORT_KEYS = ['due', 'assigned', 'fee'] as const
export type SortKey = (typeof SORT_KEYS)[number]

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
  /** Its place in the index it is in now, and which lists hold it: kept by QueueListsKeeper. */
  at: number
  mark: number
}

export const groupBit = (group: StatusGroupId) => 1 << STATUS_GROUPS.findIndex((g) => g.id === group)

/** Lower-cased text an order is found by: address, order and loan numbers, borrower, client, product. */
export function searchTextOf(o: OrderSummary): string {
  return [o.address.line1, o.address.city, o.address.state, o.address.zip, o.orderNumber, o.loanNumber, o.borrowerName, o.clientName, o.product].join(' ').toLowerCase()
}

interface StatusFacts {
  /** The queues of the status, one bit per STATUS_GROUPS entry. */
  groups: number
  closed: boolean
}
/** What lists need of a status — worked out once per status, not per order. */
const factsByStatus = new Map<number, StatusFacts>()
function factsOf(statusCode: number): StatusFacts {
  let facts = factsByStatus.get(statusCode)
  if (facts === undefined) {
    let groups = 0
    for (const [bit, g] of STATUS_GROUPS.entries()) if (isInGroup(g.id, statusCode)) groups |= 1 << bit
    facts = { groups, closed: isClosed(statusCode) }
    factsByStatus.set(statusCode, facts)
  }
  return facts
}

export const searchText = (item: IndexedOrder): string => (item.text ??= searchTextOf(item.order))
export const assignedTime = (item: IndexedOrder): number => (item.assigned ??= Date.parse(item.order.assignedAt))

export function indexOrder(order: OrderSummary): IndexedOrder {
  const facts = factsOf(order.statusCode)
  return {
    order,
    text: null,
    due: Date.parse(order.dueDate),
    assigned: null,
    closed: facts.closed,
    respondBy: order.respondBy ? Date.parse(order.respondBy) : Number.POSITIVE_INFINITY,
    groups: facts.groups,
    at: 0,
    mark: 0
  }
}

/** How far past a changed or removed order the walk looks for the next kept one. */
const LOOK_AHEAD = 64

/**
 * Every order indexed, in the inbox's order. An order object kept from the previous inbox keeps its
 * entry (and its search text, once worked out). A sync's changes keep the inbox's order — changed
 * orders in place, removed ones gone, added ones at the end (applyInboxChanges) — so kept entries are
 * found by walking both lists together: hashing every order (a WeakMap) cost the first load more
 * than the index itself, 50,000 identity hashes. An order not found near the walk is indexed anew.
 */
export function indexOrders(orders: readonly OrderSummary[], previous: readonly IndexedOrder[] = []): IndexedOrder[] {
  const items = new Array<IndexedOrder>(orders.length)
  let next = 0
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as OrderSummary
    let item: IndexedOrder | undefined
    const end = Math.min(previous.length, next + LOOK_AHEAD)
    for (let j = next; j < end; j++) {
      if (previous[j]?.order === order) {
        item = previous[j]
        next = j + 1
        break
      }
    }
    items[i] = item ?? indexOrder(order)
  }
  return items
}

/** indexOrders that remembers its last index, so the next inbox reuses its entries. */
export function createOrderIndexer(): (orders: readonly OrderSummary[]) => IndexedOrder[] {
  let last: IndexedOrder[] = []
  return (orders) => (last = indexOrders(orders, last))
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

/**
 * A time the sort compares does not read as a number. NaN compares as equal to anything, so lists
 * holding one are not in one strict order: only a rebuild's sort says what they show.
 */
export const unreadable = (item: IndexedOrder, sort: SortKey) => Number.isNaN(item.due) || Number.isNaN(item.respondBy) || (sort === 'assigned' && Number.isNaN(assignedTime(item)))

/** Awaiting answers sort by their response deadline, the soonest first. */
export function byResponseDeadline(a: IndexedOrder, b: IndexedOrder): number {
  return a.respondBy - b.respondBy || a.due - b.due
}
