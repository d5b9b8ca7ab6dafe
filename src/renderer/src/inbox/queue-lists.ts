/**
 * Every queue's orders in the view's order, and the counts the queue and client lists show — built
 * in one sort and one pass when the inbox, the sort or the client changes, so switching queues is a
 * lookup, not a filter and a sort of every order.
 */
import { STATUS_GROUPS, type StatusGroupId } from '../../../shared/order-workflow'
import { SORTS, byResponseDeadline, type IndexedOrder, type SortKey } from './order-index'

export interface QueueLists {
  /** Each queue's orders (within the chosen client), in the view's order. */
  orders: Record<StatusGroupId, IndexedOrder[]>
  /** Each queue's count within the chosen client. */
  counts: Record<StatusGroupId, number>
  /** Per queue, how many orders each client has in it (all clients). */
  perClient: Record<StatusGroupId, Map<string, number>>
}

const perGroup = <T>(make: () => T) => Object.fromEntries(STATUS_GROUPS.map((g) => [g.id, make()])) as Record<StatusGroupId, T>

/** The inbox in one sort order (a stable sort: ties keep the inbox's order). */
export const sortIndex = (index: readonly IndexedOrder[], sort: SortKey): IndexedOrder[] => [...index].sort(SORTS[sort])

export function buildQueues(sorted: readonly IndexedOrder[], sort: SortKey, clientId: string | null): QueueLists {
  const lists: QueueLists = { orders: perGroup(() => []), counts: perGroup(() => 0), perClient: perGroup(() => new Map()) }
  const groups = STATUS_GROUPS.map((g, bit) => ({ id: g.id, mask: 1 << bit }))
  for (const item of sorted) {
    const client = item.order.clientId
    const mine = clientId === null || client === clientId
    for (const { id, mask } of groups) {
      if ((item.groups & mask) === 0) continue
      const counts = lists.perClient[id]
      counts.set(client, (counts.get(client) ?? 0) + 1)
      if (!mine) continue
      lists.orders[id].push(item)
      lists.counts[id]++
    }
  }
  // Awaiting answers, by due date, go by their response deadline: the one to answer first on top.
  if (sort === 'due') lists.orders.awaiting.sort(byResponseDeadline)
  return lists
}
