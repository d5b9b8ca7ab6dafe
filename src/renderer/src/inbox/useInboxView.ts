/** The queue, client, search and sort the appraiser is looking at, and the orders and counts they give. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { firstScreenLists } from '../../../shared/inbox/first-screen-lists'
import { listsFromFirstScreen } from '../../../shared/inbox/lists-from-first-screen'
import { createOrderIndexer, type IndexedOrder } from '../../../shared/inbox/order-index'
import type { InboxFirstScreen } from '../../../shared/ipc/first-screen-wire'
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { useValueAfterPaint } from '../lib/useValueAfterPaint'
import { DEFAULT_VIEW, FIRST_SCREEN_ROWS, type InboxView } from './inbox-model'
import { QueueSearch } from './order-search'
import { prepareSearchWhenIdle } from './prepare-search'
import { QueueListsKeeper } from './queue-lists-keeper'
import { SAVED_VIEWS } from './saved-views'
import { useNow } from '../lib/useNow'

const NO_ORDERS: readonly IndexedOrder[] = []

/** `orders`: the whole inbox, once it is in; `sent`: the first screen main sent, while the list shows it. */
export function useInboxView(orders: readonly OrderSummary[] | undefined, sent: InboxFirstScreen | null, selected: OrderRef | null = null) {
  const [view, setView] = useState<InboxView>(DEFAULT_VIEW)
  const update = useCallback((patch: Partial<InboxView>) => setView((v) => ({ ...v, ...patch })), [])
  // The field and the queue's highlight are painted at once; the list follows in the next frame, in
  // a render React can interrupt, so a keystroke is never kept waiting by the list.
  const { group, savedView, clientId, sort, search } = useValueAfterPaint(view)
  // Saved views count and filter against today: recomputed hourly, not per render.
  const hour = useNow(60 * 60_000)
  // Worked out when the inbox, the sort or the client changes — not per keystroke or queue click.
  const [indexer] = useState(createOrderIndexer)
  const index = useMemo(() => indexer(orders ?? []), [indexer, orders])
  useEffect(() => prepareSearchWhenIdle(index), [index])
  // The first whole inbox paints its first screen, and the whole lists come in the task after that frame.
  const wholeLists = useValueAfterPaint(orders !== undefined)
  const firstScreen = !wholeLists && search === '' && index.length > FIRST_SCREEN_ROWS ? group : null
  const [keeper] = useState(() => new QueueListsKeeper())
  const queues = useMemo(() => {
    if (sent) return listsFromFirstScreen(sent, sort, clientId)
    return (firstScreen !== null ? firstScreenLists(index, firstScreen, sort, clientId, FIRST_SCREEN_ROWS) : null) ?? keeper.lists(index, sort, clientId)
  }, [keeper, index, sort, clientId, firstScreen, sent])
  useEffect(() => {
    const handle = requestIdleCallback(() => keeper.prepare())
    return () => cancelIdleCallback(handle)
  }, [keeper, queues])
  // A search looks through every queue (closed orders too), whichever is open; a sync that left the
  // list as it was keeps its searches.
  const searched = search !== '' || savedView !== null ? 'all' : group
  const viewCounts = useMemo(() => {
    const today = new Date(hour)
    return new Map(SAVED_VIEWS.map((v) => [v.id, queues.orders.all.filter((item) => v.matches(item, today))]))
  }, [queues, hour])
  const queue = (savedView !== null ? viewCounts.get(savedView) : undefined) ?? queues.orders[searched]
  const searcher = useMemo(() => new QueueSearch(queue), [queue])
  // A search waits for the whole inbox: main's first screen holds only the first rows of one queue.
  const searchWaits = sent !== null && search !== ''
  const found = useMemo(() => (searchWaits ? NO_ORDERS : searcher.find(search)), [searcher, search, searchWaits])
  const shown = useHeldInView(found, index, selected, `${group}|${savedView ?? ''}|${clientId ?? ''}|${search}|${sort}`)
  // While only a first screen is there, the list holds more orders than it has rows for; null: not known yet.
  const shownCount = searchWaits ? null : (sent !== null || firstScreen !== null) && search === '' && savedView === null ? queues.counts[group] : shown.length
  const counts = orders || sent ? queues.counts : null
  const perClient = orders || sent ? queues.perClient[group] : null
  const known = orders !== undefined || sent !== null
  // Memoized: the sidebar is, and must not re-render for a keystroke in the search.
  const savedViewCounts = useMemo(() => (known ? new Map([...viewCounts].map(([id, list]) => [id, list.length])) : null), [known, viewCounts])
  return { view, update, shown, shownCount, counts, perClient, savedViewCounts }
}

const isOrder = (item: IndexedOrder, ref: OrderRef) => item.order.orderId === ref.orderId && item.order.clientId === ref.clientId && item.order.loanId === ref.loanId

/**
 * The order the appraiser is working stays in the list they found it in until they move on (another
 * queue, view, client, search or sort): accepted from a search, or moved on by a sync, it keeps its
 * place, showing its new status, instead of vanishing under their hands.
 */
function useHeldInView(found: readonly IndexedOrder[], index: readonly IndexedOrder[], selected: OrderRef | null, viewKey: string): readonly IndexedOrder[] {
  const [held, setHeld] = useState<{ viewKey: string; ref: OrderRef; at: number } | null>(null)
  const at = useMemo(() => (selected ? found.findIndex((item) => isOrder(item, selected)) : -1), [found, selected])
  // Where the selected order was in this view, remembered (React's "information from previous renders").
  if (selected && at >= 0 && (held?.viewKey !== viewKey || held.at !== at || !isOrder(found[at] as IndexedOrder, held.ref))) setHeld({ viewKey, ref: selected, at })
  return useMemo(() => {
    if (!selected || at >= 0 || !held || held.viewKey !== viewKey || !(held.ref.orderId === selected.orderId && held.ref.clientId === selected.clientId)) return found
    const now = index.find((item) => isOrder(item, selected))
    if (!now) return found
    return [...found.slice(0, held.at), now, ...found.slice(held.at)]
  }, [found, index, selected, held, at, viewKey])
}
