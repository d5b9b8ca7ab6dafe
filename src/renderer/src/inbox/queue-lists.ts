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

/** The inbox in one sort order (a stable sort: ties keep the inbox's order). */
export const sortIndex = (index: readonly IndexedOrder[], sort: SortKey): IndexedOrder[] => [...index].sort(SORTS[sort])

export function buildQueues(sorted: readonly IndexedOrder[], sort: SortKey, clientId: string | null): QueueLists {
  // Per queue bit, plain arrays and indexed loops: this runs over every order on the window's first
  // load, before the code is optimized, where for-of and keyed records cost several times more.
  const queueCount = STATUS_GROUPS.length
  const orders: IndexedOrder[][] = []
  const counts: number[] = []
  const perClient: Map<string, number>[] = []
  for (let bit = 0; bit < queueCount; bit++) {
    orders.push([])
    counts.push(0)
    perClient.push(new Map())
  }
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as IndexedOrder
    const client = item.order.clientId
    const mine = clientId === null || client === clientId
    for (let bit = 0; bit < queueCount; bit++) {
      if ((item.groups & (1 << bit)) === 0) continue
      const clientCounts = perClient[bit] as Map<string, number>
      clientCounts.set(client, (clientCounts.get(client) ?? 0) + 1)
      if (!mine) continue
      ;(orders[bit] as IndexedOrder[]).push(item)
      counts[bit] = (counts[bit] ?? 0) + 1
    }
  }
  const byGroup = <T>(values: T[]) => Object.fromEntries(STATUS_GROUPS.map((g, bit) => [g.id, values[bit]])) as Record<StatusGroupId, T>
  const lists: QueueLists = { orders: byGroup(orders), counts: byGroup(counts), perClient: byGroup(perClient) }
  // Awaiting answers, by due date, go by their response deadline: the one to answer first on top.
  if (sort === 'due') lists.orders.awaiting.sort(byResponseDeadline)
  return lists
}
