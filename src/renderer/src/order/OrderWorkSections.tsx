/** The order's work: counter-offer, open revision, revisions, submissions, documents, payment. */
import { useMutation, useQuery } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { formatBytes } from '../../../shared/format-bytes'
import { api, messageOf, unwrap } from '../lib/bridge'
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../lib/format'
import { PAYMENTS_KEY } from './order-keys'
import { isNegotiating, latestRevision, revisionCount, revisionKind } from '../../../shared/order-workflow'


/** What the client answered to a counter-offer, or that it has not yet. */
export function NegotiationPanel({ order }: { order: OrderDetail }) {
  const n = order.negotiation
  if (!n || n.state === 'agreed' || !isNegotiating(order.statusCode)) return null
  const currency = order.fee.currency
  return (
    <section className="callout" aria-label="Counter-offer">
      <h3>Your counter-offer</h3>
      <p>
        {n.vendorProposal.fee !== null && <>Fee {formatMoney(n.vendorProposal.fee, currency)}. </>}
        {n.vendorProposal.dueDate && <>Due {formatDate(n.vendorProposal.dueDate)}. </>}“{n.vendorProposal.explanation}”
      </p>
      {n.state === 'awaiting_client' ? (
        <p className="muted">Waiting for the client's answer.</p>
      ) : (
        n.clientCounter && (
          <p className="counter">
            <strong>The client countered:</strong> {n.clientCounter.fee !== null && <>fee {formatMoney(n.clientCounter.fee, currency)}</>}
            {n.clientCounter.dueDate && <>, due {formatDate(n.clientCounter.dueDate)}</>}
            {n.clientCounter.note && <> — “{n.clientCounter.note}”</>}
          </p>
        )
      )}
    </section>
  )
}

/** The open revision request — or reconsideration of value — prominent at the top of the order. */
export function OpenRevision({ order }: { order: OrderDetail }) {
  const open = latestRevision(order.statusCode, order.revisions)
  if (!open) return null
  const rov = revisionKind(order.statusCode) === 'rov'
  const { number: revisionNumber, escalated } = revisionCount(order.revisions)
  return (
    <section className="callout callout-warn" aria-label={rov ? 'Reconsideration of value requested' : 'Revision requested'}>
      <h3>
        {rov ? `Reconsideration of value requested ${formatRelative(open.requestedAt)}` : `${open.type} requested ${formatRelative(open.requestedAt)}`}
      </h3>
      <p className="revision-reason">{open.reason}</p>
      <p className="muted small">
        From {open.requestedBy}.{' '}
        {rov ? 'Review the value with the new information and upload a revised report to answer it.' : 'Upload a revised report to answer it.'}
      </p>
      {!rov && escalated && (
        <p className="escalation" role="note">
          This is revision {revisionNumber} on this order. From the third revision on, the platform escalates the order to the client's operations team.
        </p>
      )}
    </section>
  )
}

export function RevisionsSection({ order }: { order: OrderDetail }) {
  if (order.revisions.length === 0) return null
  return (
    <>
      <h3>Revision requests</h3>
      <ul className="plain-list" aria-label="Revision requests">
        {order.revisions.map((r) => (
          <li key={r.id}>
            <strong>{r.type}</strong>{' '}
            <span className="muted">
              {formatDateTime(r.requestedAt)} · {r.requestedBy}
            </span>
            <div>{r.reason}</div>
            <div className="muted small">{r.answered ? 'Answered with a new submission' : 'Open'}</div>
          </li>
        ))}
      </ul>
    </>
  )
}

export function SubmissionsSection({ order }: { order: OrderDetail }) {
  const submitted = order.submissions.filter((s) => s.status === 'submitted')
  return (
    <>
      <h3>Submissions</h3>
      {submitted.length === 0 ? (
        <p className="muted">No report submitted yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Submissions">
          {submitted.map((s) => (
            <li key={s.id}>
              <strong>Version {s.version}</strong> <span className="muted">{s.submittedAt ? formatDateTime(s.submittedAt) : ''}</span>
              <div className="small">{s.files.map((f) => `${f.name} (${formatBytes(f.size)})`).join(' · ')}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function DocumentsSection({ order }: { order: OrderDetail }) {
  const download = useMutation({
    mutationFn: (documentId: string) =>
      unwrap(api().downloadDocument({ ref: { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }, documentId }))
  })
  return (
    <>
      <h3>Documents from the client</h3>
      {order.documents.length === 0 ? (
        <p className="muted">The client has not shared any documents.</p>
      ) : (
        <ul className="plain-list" aria-label="Documents">
          {order.documents.map((d) => (
            <li key={d.id} className="row-with-action">
              <span>
                {d.name} <span className="muted small">{formatBytes(d.size)} · shared {formatRelative(d.sharedAt)}</span>
              </span>
              <button type="button" onClick={() => download.mutate(d.id)} disabled={download.isPending} aria-label={`Download ${d.name}`}>
                {download.isPending && download.variables === d.id ? 'Saving…' : 'Download'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {download.isSuccess && download.data && (
        <p className="small" role="status">
          Saved to {download.data.savedTo}
        </p>
      )}
      {download.isError && (
        <p className="form-error" role="alert">
          {messageOf(download.error)}
        </p>
      )}
    </>
  )
}

export function OrderPaymentSection({ order }: { order: OrderDetail }) {
  const payments = useQuery({ queryKey: PAYMENTS_KEY, queryFn: () => unwrap(api().listPayments()) })
  const mine = payments.data?.items.filter((p) => p.orderId === order.orderId && p.clientId === order.clientId) ?? []
  if (mine.length === 0) return null
  return (
    <>
      <h3>Payment</h3>
      <ul className="plain-list" aria-label="Payments for this order">
        {mine.map((p) => (
          <li key={p.invoiceNumber}>
            {formatMoney(p.amount, p.currency)} · {p.status === 'paid' ? `Paid ${p.paidAt ? formatDateTime(p.paidAt) : ''}` : 'Unpaid'}{' '}
            <span className="muted small">Invoice {p.invoiceNumber}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
