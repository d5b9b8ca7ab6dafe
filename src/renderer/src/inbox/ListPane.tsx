/** The middle pane: search and sort, what the list is showing (offline, a client that failed, an error), and the order list. */
import type { UseQueryResult } from '@tanstack/react-query'
import type { RefObject } from 'react'
import type { Inbox, OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { messageOf } from '../lib/bridge'
import { ExportOrders } from './ExportOrders'
import { ErrorState } from '../lib/ErrorState'
import { formatCount, formatTime } from '../lib/format'
import type { InboxView, SortKey } from './inbox-model'
import { OrderList } from './OrderList'
import type { IndexedOrder } from '../../../shared/inbox/order-index'

export function ListPane(props: {
  inbox: UseQueryResult<Inbox>
  view: InboxView
  groupLabel: string
  shown: readonly IndexedOrder[]
  /** How many orders the list holds: more than `shown` while only its first screen is built; null until known. */
  shownCount: number | null
  selected: OrderRef | null
  searchRef: RefObject<HTMLInputElement | null>
  refreshing: boolean
  onView(patch: Partial<InboxView>): void
  onRefresh(): void
  onSync(): void
  onSelect(order: OrderSummary): void
  onOpen(order: OrderSummary): void
}) {
  const { inbox, view, shown, shownCount, groupLabel, selected, searchRef, refreshing, onView, onRefresh, onSync, onSelect, onOpen } = props
  const search = view.search.trim()
  return (
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
            onChange={(e) => onView({ search: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onView({ search: '' })
            }}
          />
        </div>
        <div className="field inline">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" value={view.sort} onChange={(e) => onView({ sort: e.target.value as SortKey })}>
            <option value="due">Due date</option>
            <option value="assigned">Newest first</option>
            <option value="fee">Highest fee</option>
          </select>
        </div>
        <button type="button" onClick={onRefresh} disabled={refreshing} aria-keyshortcuts="Control+R Meta+R">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <ExportOrders shown={shown} label={search ? `matching “${search}”` : groupLabel} />
      </div>
      {inbox.data?.offlineSince && (
        <p className="banner banner-warn" role="status">
          Offline — showing data from {formatTime(inbox.data.offlineSince)}. The app reconnects by itself; inspection updates you make are sent then.
        </p>
      )}
      {inbox.isError && inbox.data && (
        <div className="banner banner-warn" role="alert">
          <p>Couldn't refresh your orders: {messageOf(inbox.error)} The list shows what was loaded before.</p>
          <button type="button" onClick={onSync}>
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
          <button type="button" onClick={onSync}>
            Try again
          </button>
        </div>
      )}
      {inbox.isPending || shownCount === null ? (
        <p className="list-state" role="status">
          Loading your orders…
        </p>
      ) : inbox.isError && !inbox.data ? (
        <ErrorState className="list-state" message={messageOf(inbox.error)} onRetry={onSync} />
      ) : shownCount === 0 ? (
        <div className="list-state">
          <p>{search ? `No orders match “${search}”.` : `No orders in ${groupLabel}.`}</p>
          {search && (
            <button type="button" onClick={() => onView({ search: '' })}>
              Clear search
            </button>
          )}
        </div>
      ) : (
        <>
          <p className="list-count" aria-live="polite">
            {formatCount(shownCount)} {shownCount === 1 ? 'order' : 'orders'}
            {refreshing && <span className="muted"> · refreshing…</span>}
          </p>
          <OrderList items={shown} busy={shown.length < shownCount} selected={selected} showQueue={search !== ''} onSelect={onSelect} onOpen={onOpen} />
        </>
      )}
    </section>
  )
}
