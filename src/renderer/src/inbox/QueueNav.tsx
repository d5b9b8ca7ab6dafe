/** The queues and clients on the left, with live counts, and Payments. */
import { memo } from 'react'
import type { ClientSummary } from '../../../shared/ipc/order-schemas'
import { STATUS_GROUPS, type StatusGroupId } from '../../../shared/order-workflow'
import { formatCount } from '../lib/format'
import { SAVED_VIEWS, type SavedViewId } from './saved-views'

export const QueueNav = memo(function QueueNav(props: {
  /** Which screen is open: a queue or client is marked current only while the orders are. */
  screen: 'today' | 'orders' | 'payments' | 'settings'
  onToday(): void
  showingPayments: boolean
  onPayments(): void
  group: StatusGroupId
  savedView: SavedViewId | null
  savedViewCounts: Map<SavedViewId, number> | null
  onSavedView(id: SavedViewId): void
  clientId: string | null
  groupCounts: Record<StatusGroupId, number> | null
  clients: readonly ClientSummary[]
  clientCounts: Map<string, number> | null
  onGroup(group: StatusGroupId): void
  onClient(clientId: string | null): void
}) {
  return (
    <nav className="queues" aria-label="Queues">
      <ul>
        <li>
          <button type="button" className="nav-item" aria-current={props.screen === 'today' ? 'true' : undefined} onClick={props.onToday}>
            <span>Today</span>
          </button>
        </li>
      </ul>
      <h2 className="nav-heading">Queues</h2>
      <ul>
        {STATUS_GROUPS.map((g) => (
          <li key={g.id}>
            <button type="button" className="nav-item" aria-current={props.screen === 'orders' && props.savedView === null && props.group === g.id ? 'true' : undefined} onClick={() => props.onGroup(g.id)}>
              <span>{g.label}</span>
              <span className="count" aria-label={`${formatCount(props.groupCounts?.[g.id] ?? 0)} orders`}>
                {props.groupCounts ? formatCount(props.groupCounts[g.id]) : '–'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">Views</h2>
      <ul>
        {SAVED_VIEWS.map((v) => (
          <li key={v.id}>
            <button type="button" className="nav-item" aria-current={props.screen === 'orders' && props.savedView === v.id ? 'true' : undefined} onClick={() => props.onSavedView(v.id)}>
              <span>{v.label}</span>
              <span className="count" aria-label={`${formatCount(props.savedViewCounts?.get(v.id) ?? 0)} orders`}>
                {props.savedViewCounts ? formatCount(props.savedViewCounts.get(v.id) ?? 0) : '–'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">Clients</h2>
      <ul>
        <li>
          <button type="button" className="nav-item" aria-current={props.screen === 'orders' && props.clientId === null ? 'true' : undefined} onClick={() => props.onClient(null)}>
            <span>All clients</span>
          </button>
        </li>
        {props.clients.map((c) => (
          <li key={c.id}>
            <button type="button" className="nav-item" aria-current={props.screen === 'orders' && props.clientId === c.id ? 'true' : undefined} onClick={() => props.onClient(c.id)}>
              <span>{c.name}</span>
              <span className="count">{formatCount(props.clientCounts?.get(c.id) ?? 0)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">Money</h2>
      <ul>
        <li>
          <button type="button" className="nav-item" aria-current={props.showingPayments ? 'true' : undefined} onClick={props.onPayments}>
            <span>Payments</span>
          </button>
        </li>
      </ul>
    </nav>
  )
})
