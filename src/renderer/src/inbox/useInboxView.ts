/** The queue, client, search and sort the appraiser is looking at, and the orders and counts they give. */
import { useCallback, useMemo, useState } from 'react'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { DEFAULT_VIEW, clientCounts, groupCounts, indexOrders, queueOrders, searchOrders, type InboxView } from './inbox-model'

export function useInboxView(orders: readonly OrderSummary[] | undefined) {
  const [view, setView] = useState<InboxView>(DEFAULT_VIEW)
  const update = useCallback((patch: Partial<InboxView>) => setView((v) => ({ ...v, ...patch })), [])
  const { group, clientId, sort, search } = view
  const index = useMemo(() => indexOrders(orders ?? []), [orders])
  const queued = useMemo(() => queueOrders(index, { group, clientId, sort }), [index, group, clientId, sort])
  const shown = useMemo(() => searchOrders(queued, search), [queued, search])
  const counts = useMemo(() => (orders ? groupCounts(orders, clientId) : null), [orders, clientId])
  const perClient = useMemo(() => (orders ? clientCounts(orders, group) : null), [orders, group])
  return { view, update, shown, counts, perClient }
}
