/** The lists a window shows from the first screen main sent it, until its whole inbox comes. */
import type { InboxFirstScreen } from '../ipc/first-screen-wire'
import { STATUS_GROUPS } from '../order-workflow'
import { indexOrder, type SortKey } from './order-index'
import { byGroup, type QueueLists } from './queue-lists'

/**
 * Every queue's count within the chosen client, as the whole lists will have them; the rows main
 * sent in the queue they are of, for the sort and client they were picked for. Any other queue,
 * sort or client has no rows yet: the list shows its count and that it is still loading.
 */
export function listsFromFirstScreen(screen: InboxFirstScreen, sort: SortKey, clientId: string | null): QueueLists {
  const perClient = STATUS_GROUPS.map((g) => new Map(screen.perClient[g.id]))
  const counts = perClient.map((clients) => {
    if (clientId !== null) return clients.get(clientId) ?? 0
    let size = 0
    for (const count of clients.values()) size += count
    return size
  })
  const sent = screen.orders !== null && sort === screen.view.sort && clientId === screen.view.clientId ? screen.orders.map(indexOrder) : []
  const orders = STATUS_GROUPS.map((g) => (g.id === screen.view.group ? sent : []))
  return { orders: byGroup(orders), counts: byGroup(counts), perClient: byGroup(perClient) }
}
