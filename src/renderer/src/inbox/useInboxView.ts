/** The queue, client, search and sort the appraiser is looking at, and the orders and counts they give. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { useValueAfterPaint } from '../lib/useValueAfterPaint'
import { DEFAULT_VIEW, type InboxView } from './inbox-model'
import { createOrderIndexer, prepareSearchWhenIdle } from './order-index'
import { QueueSearch } from './order-search'
import { buildQueues, sortIndex } from './queue-lists'

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
  const sorted = useMemo(() => sortIndex(index, sort), [index, sort])
  const queues = useMemo(() => buildQueues(sorted, sort, clientId), [sorted, sort, clientId])
  const searcher = useMemo(() => new QueueSearch(queues.orders[group]), [queues, group])
  const shown = useMemo(() => searcher.find(search), [searcher, search])
  const counts = orders ? queues.counts : null
  const perClient = orders ? queues.perClient[group] : null
  return { view, update, shown, counts, perClient }
}
