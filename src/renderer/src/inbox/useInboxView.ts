/** The queue, client, search and sort the appraiser is looking at, and the orders and counts they give. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { useValueAfterPaint } from '../lib/useValueAfterPaint'
import { firstScreenLists } from '../../../shared/inbox/first-screen-lists'
import { createOrderIndexer } from '../../../shared/inbox/order-index'
import { DEFAULT_VIEW, type InboxView } from './inbox-model'
import { QueueSearch } from './order-search'
import { prepareSearchWhenIdle } from './prepare-search'
import { QueueListsKeeper } from './queue-lists-keeper'

/** Rows the first screen gets before the whole lists: more than the tallest window shows. */
const FIRST_SCREEN_ROWS = 100

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
  // The first inbox paints its first screen, and the whole lists come in the task after that frame.
  const wholeLists = useValueAfterPaint(orders !== undefined)
  const firstScreen = !wholeLists && search === '' && index.length > FIRST_SCREEN_ROWS ? group : null
  const [keeper] = useState(() => new QueueListsKeeper())
  const queues = useMemo(
    () => (firstScreen !== null ? firstScreenLists(index, firstScreen, sort, clientId, FIRST_SCREEN_ROWS) : null) ?? keeper.lists(index, sort, clientId),
    [keeper, index, sort, clientId, firstScreen]
  )
  useEffect(() => {
    const handle = requestIdleCallback(() => keeper.prepare())
    return () => cancelIdleCallback(handle)
  }, [keeper, queues])
  // A sync that left this queue as it was keeps its searches too.
  const queue = queues.orders[group]
  const searcher = useMemo(() => new QueueSearch(queue), [queue])
  const shown = useMemo(() => searcher.find(search), [searcher, search])
  // While only the first screen is built, the list holds more orders than it has rows for.
  const shownCount = firstScreen !== null ? queues.counts[group] : shown.length
  const counts = orders ? queues.counts : null
  const perClient = orders ? queues.perClient[group] : null
  return { view, update, shown, shownCount, counts, perClient }
}
