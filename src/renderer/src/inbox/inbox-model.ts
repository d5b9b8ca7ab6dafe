/** The view of the inbox the appraiser chose (queue, client, search, sort), and a sync's changes applied to the inbox. */
import { orderKey, type Inbox, type InboxChanges } from '../../../shared/ipc/order-schemas'
import type { StatusGroupId } from '../../../shared/order-workflow'
import type { SortKey } from './order-index'

export type { SortKey }

export interface InboxView {
  group: StatusGroupId
  clientId: string | null
  search: string
  sort: SortKey
}

export const DEFAULT_VIEW: InboxView = { group: 'all', clientId: null, search: '', sort: 'due' }

/** The inbox with a sync's changes applied: only the orders that changed are touched. */
export function applyInboxChanges(inbox: Inbox, changes: InboxChanges): Inbox {
  const byKey = new Map(inbox.orders.map((o) => [orderKey(o), o]))
  for (const ref of changes.removed) byKey.delete(orderKey(ref))
  for (const order of [...changes.added, ...changes.changed]) byKey.set(orderKey(order), order)
  return { ...inbox, orders: [...byKey.values()], clients: changes.clients, failures: changes.failures, fetchedAt: changes.fetchedAt, offlineSince: changes.offlineSince }
}
