/** The signed-in window: the account bar, the queues, the list or another screen, the order, the status bar — laid out and switched. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MenuCommand } from '../../../shared/ipc/app-schemas'
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { STATUS_GROUPS, type StatusGroupId } from '../../../shared/order-workflow'
import type { ClientSummary } from '../../../shared/ipc/order-schemas'
import { useAppCommands } from '../app/useAppCommands'
import { WorkspaceActive } from '../lib/workspace-active'
import { PaymentsView } from '../payments/PaymentsView'
import { useQuery } from '@tanstack/react-query'
import { api, unwrap } from '../lib/bridge'
import { SETTINGS_KEY } from '../settings/settings-keys'
import { TodayView } from '../today/TodayView'
import { SettingsView } from '../settings/SettingsView'
import { AccountBar, StatusBar } from './AccountBar'
import { ListPane } from './ListPane'
import { OrderDetailPane } from './OrderDetailPane'
import { QueueNav } from './QueueNav'
import { useInbox } from './useInbox'
import { useInboxView } from './useInboxView'
import { useOrderRequests } from './useOrderRequests'
import { savedViewLabel, type SavedViewId } from './saved-views'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>
const NO_CLIENTS: readonly ClientSummary[] = []
type Screen = 'today' | 'orders' | 'payments' | 'settings'

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function Workspace({ session, active }: { session: SignedIn; active: boolean }) {
  const { inbox, firstScreen, syncInbox, refreshAll, refreshing } = useInbox(active)
  const [selected, setSelected] = useState<OrderRef | null>(null)
  const { view, update, shown, shownCount, counts, perClient, savedViewCounts } = useInboxView(firstScreen ? undefined : inbox.data?.orders, firstScreen, selected)
  // The first screen is the setting's (Today unless changed), once it is known; until then the list.
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => unwrap(api().getSettings()) })
  const [chosen, setScreen] = useState<Screen | null>(null)
  const screen: Screen = chosen ?? settings.data?.window.startScreen ?? 'today'
  const [aboutRequested, setAboutRequested] = useState(false)
  const [focusSearchSoon, setFocusSearchSoon] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailRef = useRef<HTMLDivElement>(null)

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

  const showOrder = useCallback((ref: OrderRef) => {
    setScreen('orders')
    setSelected(ref)
  }, [])
  useOrderRequests(showOrder)

  useAppCommands((command: MenuCommand) => {
    switch (command.command) {
      case 'showQueue':
        setScreen('orders')
        update({ group: command.queue, savedView: null })
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
        return
      case 'showToday':
        setScreen('today')
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
  const groupLabel = view.savedView ? savedViewLabel(view.savedView) : (STATUS_GROUPS.find((g) => g.id === view.group)?.label ?? '')
  // Stable, so the memoized panes around the list do not re-render for a keystroke in the search.
  const openSettings = useCallback(() => setScreen('settings'), [])
  const openPayments = useCallback(() => setScreen('payments'), [])
  const openToday = useCallback(() => setScreen('today'), [])
  const showGroup = useCallback(
    (group: StatusGroupId) => {
      setScreen('orders')
      update({ group, savedView: null })
    },
    [update]
  )
  const showSavedView = useCallback(
    (savedView: SavedViewId) => {
      setScreen('orders')
      update({ savedView })
    },
    [update]
  )
  const showClient = useCallback(
    (clientId: string | null) => {
      setScreen('orders')
      update({ clientId })
    },
    [update]
  )

  return (
    <WorkspaceActive.Provider value={active}>
      <div className="workspace">
        <AccountBar session={session} onSettings={openSettings} />
        <div className="panes">
          <QueueNav
            screen={screen}
            onToday={openToday}
            showingPayments={screen === 'payments'}
            onPayments={openPayments}
            group={view.group}
            savedView={view.savedView}
            savedViewCounts={savedViewCounts}
            onSavedView={showSavedView}
            clientId={view.clientId}
            groupCounts={counts}
            clients={inbox.data?.clients ?? NO_CLIENTS}
            clientCounts={perClient}
            onGroup={showGroup}
            onClient={showClient}
          />
          {screen === 'today' ? (
            <div className="wide-pane" role="region" aria-label="Today view" tabIndex={0}>
              <TodayView orders={inbox.data?.orders} offlineSince={inbox.data?.offlineSince ?? null} onOpen={showOrder} />
            </div>
          ) : screen === 'settings' ? (
            <div className="wide-pane" role="region" aria-label="Settings view" tabIndex={0}>
              <SettingsView session={session} focusAbout={aboutRequested} onClose={() => setScreen('orders')} />
            </div>
          ) : screen === 'payments' ? (
            // Scrollable, so reachable by keyboard too (axe: scrollable-region-focusable).
            <div className="wide-pane" role="region" aria-label="Payments view" tabIndex={0}>
              <PaymentsView onOpenOrder={showOrder} />
            </div>
          ) : (
            <>
              <ListPane
                inbox={inbox}
                view={view}
                groupLabel={groupLabel}
                shown={shown}
                shownCount={shownCount}
                selected={selected}
                searchRef={searchRef}
                refreshing={refreshing}
                onView={update}
                onRefresh={refreshAll}
                onSync={syncInbox}
                onSelect={select}
                onOpen={openFromList}
              />
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
