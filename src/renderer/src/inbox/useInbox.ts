/** The inbox as main keeps it: taken as last synced when the window opens, kept current by main's changes, synced on request. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Inbox } from '../../../shared/ipc/order-schemas'
import { api, unwrap } from '../lib/bridge'
import { INBOX_KEY, WORKSPACE_KEY, orderQueryKey } from '../order/order-keys'
import { applyInboxChanges } from './inbox-model'

export function useInbox(active: boolean) {
  // A window opening takes the inbox as last synced; Refresh and Try again ask main for a sync now.
  const syncNext = useRef(false)
  const inbox = useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => {
      const cached = !syncNext.current
      syncNext.current = false
      return unwrap(api().listOrders({ cached }))
    },
    enabled: active,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    // Not compared deeply with the last inbox: at 50,000 orders that cost each sync's change ~10 ms
    // and 100,000 keys of garbage. A change keeps the orders it did not touch (applyInboxChanges).
    structuralSharing: false
  })
  const queryClient = useQueryClient()
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
  return { inbox, syncInbox, refreshAll, refreshing }
}
