/**
 * Every queue's orders in the view's order, and the counts the queue and client lists show — built
 * in one sort and one pass when the inbox, the sort or the client changes, so switching queues is a
 * lookup, not a filter and a sort of every order.
 */
import { STATUS_GROUPS, type StatusGroupId } from '../order-workflow'
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

/** The order of a queue's list: the view's sort, and the awaiting queue by due date goes by response deadline (the one to answer first on top). */
export const queueOrder = (group: StatusGroupId, sort: SortKey): ((a: IndexedOrder, b: IndexedOrder) => number) =>
  group === 'awaiting' && sort === 'due' ? (a, b) => byResponseDeadline(a, b) || SORTS.due(a, b) : SORTS[sort]

/** How many orders each client has in each queue, from one pass over the orders in any order. */
interface QueueTally {
  clientNumber: Map<string, number>
  clients: string[]
  /** Per client number, per queue bit. */
  clientCounts: number[]
  /** Per order passed, its client's number. */
  numbers: Int32Array
}

function tallyQueues(items: readonly IndexedOrder[]): QueueTally {
  // Per queue bit, plain arrays and indexed loops: this runs over every order on the window's first
  // load, before the code is optimized, where for-of and keyed records cost several times more.
  // Clients are counted by a small number each (one lookup per order, not one per queue it is in).
  const queueCount = STATUS_GROUPS.length
  const clients: string[] = []
  const clientNumber = new Map<string, number>()
  const clientCounts: number[] = []
  const numbers = new Int32Array(items.length)
  let lastClient = ''
  let lastNumber = -1
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as IndexedOrder
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
  return { clientNumber, clients, clientCounts, numbers }
}

/** The chosen client's number; -1 for every client, and no number when the client has no orders. */
const chosenNumber = (tally: QueueTally, clientId: string | null) => (clientId === null ? -1 : tally.clientNumber.get(clientId))

/** Values in STATUS_GROUPS' order, keyed by their queue. */
export const byGroup = <T>(values: T[]) => Object.fromEntries(STATUS_GROUPS.map((g, bit) => [g.id, values[bit]])) as Record<StatusGroupId, T>

/** Each queue's count within the chosen client, and per queue every client's count. */
function countsOf(tally: QueueTally, clientId: string | null): Pick<QueueLists, 'counts' | 'perClient'> {
  const { clients, clientCounts } = tally
  const queueCount = STATUS_GROUPS.length
  const mine = chosenNumber(tally, clientId)
  const counts = STATUS_GROUPS.map((_, bit) => {
    if (mine === undefined) return 0
    if (mine !== -1) return clientCounts[mine * queueCount + bit] as number
    let size = 0
    for (let number = 0; number < clients.length; number++) size += clientCounts[number * queueCount + bit] as number
    return size
  })
  const perClient = STATUS_GROUPS.map((_, bit) => {
    const counts = new Map<string, number>()
    for (const [number, client] of clients.entries()) {
      const count = clientCounts[number * queueCount + bit] as number
      if (count > 0) counts.set(client, count)
    }
    return counts
  })
  return { counts: byGroup(counts), perClient: byGroup(perClient) }
}

export function buildQueues(sorted: readonly IndexedOrder[], sort: SortKey, clientId: string | null): QueueLists {
  // Counted first, so the lists are made at their final size — growing them by push copied and
  // collected them over and over (73 ms at 50,000 orders against 20).
  const tally = tallyQueues(sorted)
  const { counts, perClient } = countsOf(tally, clientId)
  const orders = STATUS_GROUPS.map((g) => new Array<IndexedOrder>(counts[g.id]))
  const mine = chosenNumber(tally, clientId)
  if (mine !== undefined) {
    const { numbers } = tally
    const filled = new Int32Array(STATUS_GROUPS.length)
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
  const lists: QueueLists = { orders: byGroup(orders), counts, perClient }
  // Filled in the sort's order, so a stable sort by response deadline leaves ties as queueOrder has them.
  if (sort === 'due') lists.orders.awaiting.sort(byResponseDeadline)
  return lists
}

/** Each queue's count within the chosen client, and per queue every client's count: one pass, the orders in any order. */
export const queueCounts = (items: readonly IndexedOrder[], clientId: string | null) => countsOf(tallyQueues(items), clientId)
