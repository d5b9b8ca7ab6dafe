/**
 * The first screen of an inbox for a window that is opening: picked here, from the orders main
 * already holds, so the window draws its rows without first reading and decoding every order. The
 * window's lists come from the same shared code, so these are the rows its whole list begins with.
 */
import { firstScreenLists } from '../../../shared/inbox/first-screen-lists'
import { indexOrder } from '../../../shared/inbox/order-index'
import { byGroup, queueCounts } from '../../../shared/inbox/queue-lists'
import type { FirstScreenView, InboxFirstScreenWire } from '../../../shared/ipc/first-screen-wire'
import { encodeOrders } from '../../../shared/ipc/order-list-wire'
import type { Inbox } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS } from '../../../shared/order-workflow'

export function inboxFirstScreen(inbox: Inbox, view: FirstScreenView): InboxFirstScreenWire {
  const { orders, ...rest } = inbox
  const index = orders.map(indexOrder)
  const lists = firstScreenLists(index, view.group, view.sort, view.clientId, view.rows)
  const { perClient } = lists ?? queueCounts(index, view.clientId)
  return {
    ...rest,
    view,
    perClient: byGroup(STATUS_GROUPS.map((g) => [...perClient[g.id]])),
    orders: lists ? encodeOrders(lists.orders[view.group].map((item) => item.order)) : null
  }
}
