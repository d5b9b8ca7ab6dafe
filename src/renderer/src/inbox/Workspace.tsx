import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MenuCommand } from '../../../shared/ipc/app-schemas'
import { useAppCommands } from '../app/useAppCommands'
import { SettingsView } from '../settings/SettingsView'
import type { Inbox, OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { STATUS_GROUPS } from '../../../shared/order-workflow'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { formatTime } from '../lib/format'
import { AccountBar, StatusBar } from './AccountBar'
import { applyInboxChanges, DEFAULT_VIEW, clientCounts, groupCounts, indexOrders, orderKey, queueOrders, searchOrders, type InboxView, type SortKey } from './inbox-model'
import { OrderDetailPane } from './OrderDetailPane'
import { INBOX_KEY, WORKSPACE_KEY, orderQueryKey } from '../order/order-keys'
import { PaymentsView } from '../payments/PaymentsView'
import { WorkspaceActive } from '../lib/workspace-active'
import { OrderList } from './OrderList'
import { QueueNav } from './QueueNav'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function Workspace({ session, active }: { session: SignedIn; active: boolean }) {
  // Main keeps the inbox in step with the platform and tells only what changed: a window opening
  // takes the inbox as last synced; Refresh and Try again ask main for a sync now.
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
    refetchOnWindowFocus: false
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
  const [view, setView] = useState<InboxView>(DEFAULT_VIEW)
  const [selected, setSelected] = useState<OrderRef | null>(null)
  const [screen, setScreen] = useState<'orders' | 'payments' | 'settings'>('orders')
  const [aboutRequested, setAboutRequested] = useState(false)
  const [focusSearchSoon, setFocusSearchSoon] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailRef = useRef<HTMLDivElement>(null)
  const search = view.search

  const orders = inbox.data?.orders
  const index = useMemo(() => indexOrders(orders ?? []), [orders])
  const { group, clientId, sort } = view
  const queued = useMemo(() => queueOrders(index, { group, clientId, sort }), [index, group, clientId, sort])
  const shown = useMemo(() => searchOrders(queued, search), [queued, search])
  const counts = useMemo(() => (orders ? groupCounts(orders, view.clientId) : null), [orders, view.clientId])
  const perClient = useMemo(() => (orders ? clientCounts(orders, view.group) : null), [orders, view.group])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (focusSearchSoon === 0) return
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [focusSearchSoon])

  const update = (patch: Partial<InboxView>) => setView((v) => ({ ...v, ...patch }))
  // "Refreshing…" only for a refresh the user asked for: background reloads (after an action, every minute) stay quiet.
  const [refreshing, setRefreshing] = useState(false)
  // A notification (or a link) asks for an order: show it.
  useEffect(() => {
    const show = (ref: OrderRef) => {
      setScreen('orders')
      setSelected(ref)
    }
    // One asked for before this window existed (it was opened for it), then any that come.
    void unwrap(api().takeOrderToOpen()).then((ref) => ref && show(ref)).catch(() => undefined)
    return api().onOpenOrder((ref) => {
      show(ref)
      void api().takeOrderToOpen()
    })
  }, [])
  const syncInbox = () => {
    syncNext.current = true
    void inbox.refetch()
  }
  const refreshAll = () => {
    syncNext.current = true
    setRefreshing(true)
    void queryClient.invalidateQueries({ queryKey: WORKSPACE_KEY }).finally(() => setRefreshing(false))
  }
  useAppCommands((command: MenuCommand) => {
    switch (command.command) {
      case 'showQueue':
        setScreen('orders')
        update({ group: command.queue })
        return
      case 'focusSearch':
        setScreen('orders')
        setFocusSearchSoon((n) => n + 1)
        return
      case 'refresh':
        refreshAll()
        return
      case 'openSettings':
        setAboutRequested(false)
        setScreen('settings')
        return
      case 'showAbout':
        setAboutRequested(true)
        setScreen('settings')
    }
  }, active)

  // Stable, so the (memoized) list does not re-render for a keystroke until its search result is ready.
  const select = useCallback((o: OrderSummary) => setSelected({ clientId: o.clientId, loanId: o.loanId, orderId: o.orderId }), [])
  const openFromList = useCallback(
    (o: OrderSummary) => {
      select(o)
      detailRef.current?.focus()
    },
    [select]
  )
  const groupLabel = STATUS_GROUPS.find((g) => g.id === view.group)?.label ?? ''

  return (
    <WorkspaceActive.Provider value={active}>
      <div className="workspace">
        <AccountBar session={session} onSettings={() => setScreen('settings')} />
        <div className="panes">
          <QueueNav
            showingPayments={screen === 'payments'}
            onPayments={() => setScreen('payments')}
            group={view.group}
            clientId={view.clientId}
            groupCounts={counts}
            clients={inbox.data?.clients ?? []}
            clientCounts={perClient}
            onGroup={(group) => {
              setScreen('orders')
              update({ group })
            }}
            onClient={(clientId) => {
              setScreen('orders')
              update({ clientId })
            }}
          />
          {screen === 'settings' ? (
            <div className="wide-pane" role="region" aria-label="Settings view" tabIndex={0}>
              <SettingsView session={session} focusAbout={aboutRequested} onClose={() => setScreen('orders')} />
            </div>
          ) : screen === 'payments' ? (
            // Scrollable, so reachable by keyboard too (axe: scrollable-region-focusable).
            <div className="wide-pane" role="region" aria-label="Payments view" tabIndex={0}>
              <PaymentsView />
            </div>
          ) : (
            <>
              <section className="list-pane" aria-label={`${groupLabel} orders`}>
                <div className="list-toolbar">
                  <div className="field inline">
                    <label htmlFor="search">Search orders</label>
                    <input
                      id="search"
                      ref={searchRef}
                      type="search"
                      placeholder="Address, order or loan #, borrower  ( / )"
                      value={view.search}
                      onChange={(e) => update({ search: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') update({ search: '' })
                      }}
                    />
                  </div>
                  <div className="field inline">
                    <label htmlFor="sort">Sort by</label>
                    <select id="sort" value={view.sort} onChange={(e) => update({ sort: e.target.value as SortKey })}>
                      <option value="due">Due date</option>
                      <option value="assigned">Newest assigned</option>
                      <option value="fee">Highest fee</option>
                    </select>
                  </div>
                  <button type="button" onClick={refreshAll} disabled={refreshing} aria-keyshortcuts="Control+R Meta+R">
                    {refreshing ? 'Refreshing…' : 'Refresh'}
                  </button>
                </div>
                {inbox.data?.offlineSince && (
                  <p className="banner banner-warn" role="status">
                    Offline — showing data from {new Date(inbox.data.offlineSince).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. The app reconnects by itself; inspection updates you make are sent then.
                  </p>
                )}
                {inbox.isError && inbox.data && (
                  <div className="banner banner-warn" role="alert">
                    <p>Couldn't refresh your orders: {messageOf(inbox.error)} The list shows what was loaded before.</p>
                    <button type="button" onClick={syncInbox}>
                      Try again
                    </button>
                  </div>
                )}
                {inbox.data && inbox.data.failures.length > 0 && (
                  <div className="banner banner-warn" role="alert">
                    {inbox.data.failures.map((f) => (
                      <p key={f.clientId}>
                        {f.showingSince ? `${f.clientName}: couldn't refresh — showing orders from ${formatTime(f.showingSince)}` : `${f.clientName}: couldn't load its orders — ${f.message}`}
                      </p>
                    ))}
                    <button type="button" onClick={syncInbox}>
                      Try again
                    </button>
                  </div>
                )}
                {inbox.isPending ? (
                  <p className="list-state" role="status">
                    Loading your orders…
                  </p>
                ) : inbox.isError && !inbox.data ? (
                  <ErrorState className="list-state" message={messageOf(inbox.error)} onRetry={syncInbox} />
                ) : shown.length === 0 ? (
                  <div className="list-state">
                    <p>{view.search.trim() ? `No orders match “${view.search.trim()}”.` : `No orders in ${groupLabel}.`}</p>
                    {view.search.trim() && (
                      <button type="button" onClick={() => update({ search: '' })}>
                        Clear search
                      </button>
                    )}
                  </div>
                ) : (
                  <>
                    <p className="list-count" aria-live="polite">
                      {shown.length.toLocaleString()} {shown.length === 1 ? 'order' : 'orders'}
                      {refreshing && <span className="muted"> · refreshing…</span>}
                    </p>
                    <OrderList
                      orders={shown}
                      selectedKey={selected ? orderKey(selected) : null}
                      onSelect={select}
                      onOpen={openFromList}
                    />
                  </>
                )}
              </section>
              <div className="detail-pane" ref={detailRef} tabIndex={-1}>
                <OrderDetailPane orderRef={selected} active={active} />
              </div>
            </>
          )}
        </div>
        <StatusBar session={session} fetchedAt={inbox.data?.fetchedAt ?? null} offlineSince={inbox.data?.offlineSince ?? null} />
      </div>
    </WorkspaceActive.Provider>
  )
}
