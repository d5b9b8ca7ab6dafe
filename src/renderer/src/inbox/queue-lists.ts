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

const lowestBit = (bits: number) => 31 - Math.clz32(bits & -bits)

export function buildQueues(sorted: readonly IndexedOrder[], sort: SortKey, clientId: string | null): QueueLists {
  // Per queue bit, plain arrays and indexed loops: this runs over every order on the window's first
  // load, before the code is optimized, where for-of and keyed records cost several times more.
  // Clients are counted by a small number each (one lookup per order, not one per queue it is in).
  // Two passes: the first counts, so the second fills lists made at their final size — growing them
  // by push copied and collected them over and over (73 ms at 50,000 orders against 20).
  const queueCount = STATUS_GROUPS.length
  const clients: string[] = []
  const clientNumber = new Map<string, number>()
  /** Per client, per queue bit: how many of its orders are in that queue. */
  const clientCounts: number[] = []
  /** Per sorted order, its client's number. */
  const numbers = new Int32Array(sorted.length)
  let lastClient = ''
  let lastNumber = -1
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as IndexedOrder
    const client = item.order.clientId
    if (client !== lastClient || lastNumber < 0) {
      let number = clientNumber.get(client)
      if (number === undefined) {
        number = clients.push(client) - 1
        clientNumber.set(client, number)
        for (let bit = 0; bit < queueCount; bit++) clientCounts.push(0)
      }
      lastClient = client
      lastNumber = number
    }
    numbers[i] = lastNumber
    for (let groups = item.groups; groups !== 0; groups &= groups - 1) {
      const at = lastNumber * queueCount + lowestBit(groups)
      clientCounts[at] = (clientCounts[at] as number) + 1
    }
  }
  /** The chosen client's number; -1 for every client, and no number when the client has no orders. */
  const mine = clientId === null ? -1 : clientNumber.get(clientId)
  const orders: IndexedOrder[][] = []
  for (let bit = 0; bit < queueCount; bit++) {
    let size = 0
    if (mine === -1) for (let number = 0; number < clients.length; number++) size += clientCounts[number * queueCount + bit] as number
    else if (mine !== undefined) size = clientCounts[mine * queueCount + bit] as number
    orders.push(new Array<IndexedOrder>(size))
  }
  if (mine !== undefined) {
    const filled = new Int32Array(queueCount)
    for (let i = 0; i < sorted.length; i++) {
      if (mine !== -1 && numbers[i] !== mine) continue
      const item = sorted[i] as IndexedOrder
      for (let groups = item.groups; groups !== 0; groups &= groups - 1) {
        const bit = lowestBit(groups)
        const at = filled[bit] as number
        ;(orders[bit] as IndexedOrder[])[at] = item
        filled[bit] = at + 1
      }
    }
  }
  const perClient = STATUS_GROUPS.map((_, bit) => {
    const counts = new Map<string, number>()
    for (const [number, client] of clients.entries()) {
      const count = clientCounts[number * queueCount + bit] as number
      if (count > 0) counts.set(client, count)
    }
    return counts
  })
  const byGroup = <T>(values: T[]) => Object.fromEntries(STATUS_GROUPS.map((g, bit) => [g.id, values[bit]])) as Record<StatusGroupId, T>
  const lists: QueueLists = { orders: byGroup(orders), counts: byGroup(orders.map((list) => list.length)), perClient: byGroup(perClient) }
  // Awaiting answers, by due date, go by their response deadline: the one to answer first on top.
  if (sort === 'due') lists.orders.awaiting.sort(byResponseDeadline)
  return lists
}
