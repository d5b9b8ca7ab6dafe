/** The queue, client, search and sort the appraiser is looking at, and the orders and counts they give. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { useValueAfterPaint } from '../lib/useValueAfterPaint'
import { DEFAULT_VIEW, type InboxView } from './inbox-model'
import { createOrderIndexer, prepareSearchWhenIdle } from './order-index'
import { QueueSearch } from './order-search'
import { QueueListsKeeper } from './queue-lists-keeper'

export function useInboxView(orders: readonly OrderSummary[] | undefined) {
  const [view, setView] = useState<InboxView>(DEFAULT_VIEW)
  const update = useCallback((patch: Partial<InboxView>) => setView((v) => ({ ...v, ...patch })), [])
  // The field and the queue's highlight are painted at once; the list follows in the next frame, in
  // a render React can interrupt, so a keystroke is never kept waiting by the list.
  const { group, clientId, sort, search } = useValueAfterPaint(view)
  // Worked out when the inbox, the sort or the client changes — not per keystroke or queue click.
  const [indexer] = useState(createOrderIndexer)
  const index = useMemo(() => indexer(orders ?? []), [indexer, orders])
  useEffect(() => prepareSearchWhenIdle(index), [index])
  const [keeper] = useState(() => new QueueListsKeeper())
  const queues = useMemo(() => keeper.lists(index, sort, clientId), [keeper, index, sort, clientId])
  useEffect(() => {
    const handle = requestIdleCallback(() => keeper.prepare())
    return () => cancelIdleCallback(handle)
  }, [keeper, queues])
  // A sync that left this queue as it was keeps its searches too.
  const queue = queues.orders[group]
  const searcher = useMemo(() => new QueueSearch(queue), [queue])
  const shown = useMemo(() => searcher.find(search), [searcher, search])
  const counts = orders ? queues.counts : null
  const perClient = orders ? queues.perClient[group] : null
  return { view, update, shown, counts, perClient }
}
