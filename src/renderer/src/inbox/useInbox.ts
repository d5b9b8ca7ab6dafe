/**
 * The inbox as main keeps it: taken as last synced when the window opens — first a screen of it,
 * then the whole of it — kept current by main's changes, synced on request.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { InboxFirstScreen } from '../../../shared/ipc/first-screen-wire'
import type { Inbox } from '../../../shared/ipc/order-schemas'
import { api, unwrap } from '../lib/bridge'
import { useValueAfterPaint } from '../lib/useValueAfterPaint'
import { INBOX_FIRST_SCREEN_KEY, INBOX_KEY, WORKSPACE_KEY, orderQueryKey } from '../order/order-keys'
import { DEFAULT_VIEW, FIRST_SCREEN_ROWS, applyInboxChanges } from './inbox-model'

/** The whole inbox's fields, with only the first screen's orders: what the list shows until the whole inbox comes. */
const inboxOf = ({ orders, clients, failures, fetchedAt, offlineSince }: InboxFirstScreen): Inbox => ({ orders: orders ?? [], clients, failures, fetchedAt, offlineSince })

export function useInbox(active: boolean) {
  const queryClient = useQueryClient()
  // A window opening asks main for a screen of its inbox, paints it, and then asks for the whole:
  // reading 10,000 orders held its first rows back by ~35 ms. Once the whole inbox is in, Refresh
  // reloads that, not this.
  const firstScreenWanted = active && queryClient.getQueryData(INBOX_KEY) === undefined
  const firstScreen = useQuery({
    queryKey: INBOX_FIRST_SCREEN_KEY,
    queryFn: () => unwrap(api().inboxFirstScreen({ group: DEFAULT_VIEW.group, sort: DEFAULT_VIEW.sort, clientId: DEFAULT_VIEW.clientId, rows: FIRST_SCREEN_ROWS })),
    enabled: firstScreenWanted,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    // A first screen that failed is not tried again: the whole inbox is asked for next, and says what went wrong.
    retry: false
  })
  const firstScreenPainted = useValueAfterPaint(firstScreen.status !== 'pending')
  const shownUntilWhole = useMemo(() => firstScreen.data && inboxOf(firstScreen.data), [firstScreen.data])
  // A window opening takes the inbox as last synced; Refresh and Try again ask main for a sync now.
  const syncNext = useRef(false)
  const inbox = useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => {
      const cached = !syncNext.current
      syncNext.current = false
      return unwrap(api().listOrders({ cached }))
    },
    enabled: active && (!firstScreenWanted || firstScreenPainted),
    placeholderData: shownUntilWhole,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    // Not compared deeply with the last inbox: at 50,000 orders that cost each sync's change ~10 ms
    // and 100,000 keys of garbage. A change keeps the orders it did not touch (applyInboxChanges).
    structuralSharing: false
  })
  useEffect(
    () =>
      api().onInboxChanged((changes) => {
        queryClient.setQueryData<Inbox>(INBOX_KEY, (current) => (current ? applyInboxChanges(current, changes) : current))
        for (const order of changes.changed) void queryClient.invalidateQueries({ queryKey: orderQueryKey(order) })
      }),
    [queryClient]
  )
  const { refetch } = inbox
  const syncInbox = useCallback(() => {
    syncNext.current = true
    void refetch()
  }, [refetch])
  // "Refreshing…" only for a refresh the user asked for: background reloads (after an action, every minute) stay quiet.
  const [refreshing, setRefreshing] = useState(false)
  const refreshAll = useCallback(() => {
    syncNext.current = true
    setRefreshing(true)
    void queryClient.invalidateQueries({ queryKey: WORKSPACE_KEY }).finally(() => setRefreshing(false))
  }, [queryClient])
  // Only while the list shows it: the whole inbox replaces it.
  const shownFirstScreen = inbox.isPlaceholderData ? (firstScreen.data ?? null) : null
  return { inbox, firstScreen: shownFirstScreen, syncInbox, refreshAll, refreshing }
}
