/**
 * The lists a first screen shows before every queue is sorted: every count as the whole lists have
 * it, and of the queue in view its first rows only — the same orders in the same order as its whole
 * list begins with. Sorting and filling every queue took 11–30 ms of the first rows at 10,000
 * orders; picking a screen's worth takes one pass. Main picks the first screen a window opens with
 * (inbox-first-screen.ts); the window picks one again when the whole inbox comes, and builds the
 * whole lists in the task after that frame (useInboxView).
 */
import { STATUS_GROUPS, type StatusGroupId } from '../order-workflow'
import { groupBit, unreadable, type IndexedOrder, type SortKey } from './order-index'
import { byGroup, queueCounts, queueOrder, type QueueLists } from './queue-lists'

/**
 * The first `rows` orders of the queue's list, and every count; the other queues' lists empty.
 * Null when an order has a time that does not read as one: the whole lists come from one sort of
 * every order, whose order then depends on how that sort met each (even in other queues), and
 * only the sort can say.
 */
export function firstScreenLists(index: readonly IndexedOrder[], group: StatusGroupId, sort: SortKey, clientId: string | null, rows: number): QueueLists | null {
  const wanted = Math.max(1, rows)
  const compare = queueOrder(group, sort)
  const bit = groupBit(group)
  // Kept in the list's order. An order goes after every one it does not come before, so ties keep
  // the inbox's order, as the whole list's stable sort has them.
  const first: IndexedOrder[] = []
  for (let i = 0; i < index.length; i++) {
    const item = index[i] as IndexedOrder
    if (unreadable(item, sort)) return null
    if ((item.groups & bit) === 0 || (clientId !== null && item.order.clientId !== clientId)) continue
    if (first.length === wanted && compare(first[wanted - 1] as IndexedOrder, item) <= 0) continue
    let low = 0
    let high = first.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compare(first[mid] as IndexedOrder, item) <= 0) low = mid + 1
      else high = mid
    }
    first.splice(low, 0, item)
    if (first.length > wanted) first.pop()
  }
  return { orders: byGroup(STATUS_GROUPS.map((g) => (g.id === group ? first : []))), ...queueCounts(index, clientId) }
}
