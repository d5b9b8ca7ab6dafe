/** The selected order: its status and deadline, actions, notices, facts, contacts, work sections and history. */
import { memo } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { isClosed, isOnHold, statusName, wasReassignedForNoResponse } from '../../../shared/order-workflow'
import { ResponseDeadline } from './ResponseDeadline'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { addressLine, describeDue, formatAtProperty, formatDateTime, formatDueDate, formatMoment, formatMoney, formatRelative, readableInstants } from '../lib/format'
import { propertyTimeZone } from '../../../shared/property-time-zone'
import { directionsUrl } from '../../../shared/directions'
import { useMapsProvider } from '../lib/useMapsProvider'
import { StatusChip } from './StatusChip'
import { OrderSheet } from '../order/OrderSheet'
import { OrderSheetActions } from '../order/OrderSheetActions'
import { orderQueryKey } from '../order/order-keys'
import { OrderActionsBar } from '../order/OrderActionsBar'
import { AddToCalendar } from '../order/AddToCalendar'
import { PendingActions } from '../order/PendingActions'
import { DocumentsSection, NegotiationPanel, OpenRevision, OrderPaymentSection, RevisionsSection, SubmissionsSection } from '../order/OrderWorkSections'
import { useOrderResults } from '../order/useOrderAction'
import { ExternalLink } from '../lib/ExternalLink'

export const OrderDetailPane = memo(function OrderDetailPane({ orderRef, active }: { orderRef: OrderRef | null; active: boolean }) {
  const detail = useQuery({
    queryKey: orderRef ? orderQueryKey(orderRef) : ['workspace', 'order', 'none'],
    queryFn: () => unwrap(api().getOrder(orderRef as OrderRef)),
    enabled: orderRef !== null && active
  })
  if (!orderRef) {
    return (
      <section className="detail empty-state" aria-label="Order">
        <p>Select an order to see its details.</p>
        <p className="hint">
          <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>/</kbd> search
        </p>
      </section>
    )
  }
  if (detail.isPending) {
    return (
      <section className="detail" aria-label="Order" aria-busy="true">
        <p role="status">Loading order…</p>
      </section>
    )
  }
  if (detail.isError) {
    return (
      <section className="detail" aria-label="Order">
        <ErrorState message={messageOf(detail.error)} onRetry={() => void detail.refetch()} />
      </section>
    )
  }
  return <OrderDetailView key={`${detail.data.clientId}/${detail.data.orderId}`} order={detail.data} />
})

function OrderDetailView({ order }: { order: OrderDetail }) {
  const due = describeDue(order.dueDate, new Date(), isClosed(order.statusCode), isOnHold(order.statusCode))
  const zone = propertyTimeZone(order.address.state)
  const maps = useMapsProvider()
  const results = useOrderResults({ clientId: order.clientId, loanId: order.loanId, orderId: order.orderId })
  return (
    <section className="detail" aria-labelledby="order-title">
      <header className="detail-header">
        <div>
          <h2 id="order-title">{order.address.line1}</h2>
          <p className="muted">
            {order.address.city}, {order.address.state} {order.address.zip}
            {order.property.county ? ` · ${order.property.county} County` : ''}
            {' · '}
            <ExternalLink url={directionsUrl(order.address, maps)} label={`Directions to ${order.address.line1}`}>
              Directions
            </ExternalLink>
          </p>
        </div>
        <div className="detail-status">
          <StatusChip code={order.statusCode} respondBy={order.respondBy} />
          <ResponseDeadline order={order} />
        </div>
      </header>
      {wasReassignedForNoResponse(order) && (
        <p className="banner banner-warn" role="status">
          No answer was given within {order.clientName}'s response time, so the order went back for reassignment. It is no longer yours to work.
        </p>
      )}
      <div aria-live="polite">
        {results.notice && (results.notice.statusCode === null || results.notice.statusCode === order.statusCode) && (
          <p className={`banner ${results.notice.tone === 'ok' ? 'banner-ok' : 'banner-warn'}`} role={results.notice.tone === 'ok' ? 'status' : 'alert'}>
            {results.notice.text}
          </p>
        )}
      </div>
      <OrderActionsBar order={order} results={results} />
      <PendingActions order={order} />
      <AddToCalendar order={order} />
      <OrderSheetActions order={order} />
      <OrderSheet order={order} />
      <OpenRevision order={order} />
      <NegotiationPanel order={order} />
      <dl className="facts">
        <Fact label="Client" value={order.clientName} />
        <Fact label="Order #" value={order.orderNumber} />
        <Fact label="Loan #" value={order.loanNumber} />
        <Fact label="Product" value={order.product + (order.rush ? ' · Rush' : '')} />
        <Fact label="Fee" value={formatMoney(order.fee.amount, order.fee.currency)} />
        <Fact label="Due" value={due.urgency === 'overdue' || due.urgency === 'soon' || due.urgency === 'held' ? `${formatDueDate(order.dueDate)} · ${due.label}` : formatDueDate(order.dueDate)} />
        <Fact label="Inspection" value={order.inspection.completedAt ? `Completed ${formatAtProperty(order.inspection.completedAt, zone)}` : order.inspection.scheduledAt ? `Scheduled ${formatAtProperty(order.inspection.scheduledAt, zone)}` : null} />
        <Fact label="Assigned" value={formatDateTime(order.assignedAt)} />
        <Fact label="Borrower" value={order.borrowerName} />
      </dl>

      <h3>Property</h3>
      <dl className="facts">
        <Fact label="Type" value={order.property.type} />
        <Fact label="Year built" value={order.property.yearBuilt} />
        <Fact label="Living area" value={order.property.livingAreaSqFt ? `${order.property.livingAreaSqFt.toLocaleString()} sq ft` : null} />
        <Fact label="Bedrooms" value={order.property.bedrooms} />
        <Fact label="Bathrooms" value={order.property.bathrooms} />
      </dl>

      <h3>Loan</h3>
      <dl className="facts">
        <Fact label="Type" value={order.loan.type} />
        <Fact label="Purpose" value={order.loan.purpose} />
        <Fact label="FHA case #" value={order.loan.fhaCaseNumber} />
      </dl>

      <h3>Contacts</h3>
      <ul className="contacts">
        {order.contacts.map((c) => (
          <li key={`${c.role}-${c.name}`}>
            <strong>{c.name}</strong> <span className="muted">{c.role}</span>
            <div>
              {c.phone && <ExternalLink url={`tel:${c.phone}`} label={`Call ${c.name}`}>{c.phone}</ExternalLink>}
              {c.phone && c.email && ' · '}
              {c.email && <ExternalLink url={`mailto:${c.email}`} label={`E-mail ${c.name}`}>{c.email}</ExternalLink>}
            </div>
          </li>
        ))}
      </ul>

      <h3>Instructions</h3>
      <p className="instructions">{order.instructions || 'No instructions.'}</p>

      <RevisionsSection order={order} />
      <SubmissionsSection order={order} />
      <DocumentsSection order={order} />
      <OrderPaymentSection order={order} />

      <h3>History</h3>
      <ol className="history" aria-label="Order history">
        {order.history.map((h) => (
          <li key={h.id}>
            <div className="history-what">
              <strong>{h.action}</strong>
              {h.statusCode !== null && <span className="muted"> → {statusName(h.statusCode)}</span>}
            </div>
            {h.reason && <div className="history-why">“{readableInstants(h.reason)}”</div>}
            <div className="muted small">
              <time dateTime={h.at} title={formatRelative(h.at)}>
                {formatMoment(h.at)}
              </time>{' '}
              · {h.actorName} ({h.actorRole}){h.channel ? ` · ${h.channel}` : ''}
            </div>
          </li>
        ))}
      </ol>
      <OrderActionsBar order={order} results={results} part="apart" />
      <p className="muted small">{addressLine(order)}</p>
    </section>
  )
}

function Fact({ label, value }: { label: string; value: string | number | null }) {
  if (value === null || value === '') return null
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}
