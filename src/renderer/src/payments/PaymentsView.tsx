/** What the appraiser has been paid, and is owed, by each client; each invoice opens its order, filtered by client and status. */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRef, PaymentsFilter } from '../../../shared/ipc/order-schemas'
import { paymentsShown } from '../../../shared/payments-shown'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { ExportButton } from '../lib/ExportButton'
import { formatCount, formatDate, formatMoney, formatOutstanding } from '../lib/format'
import { PAYMENTS_KEY } from '../order/order-keys'

export function PaymentsView({ onOpenOrder }: { onOpenOrder(ref: OrderRef): void }) {
  const payments = useQuery({ queryKey: PAYMENTS_KEY, queryFn: () => unwrap(api().listPayments()) })
  const [filter, setFilter] = useState<PaymentsFilter>({ clientId: null, status: null })
  if (payments.isPending) return <p className="list-state" role="status">Loading payments…</p>
  if (payments.isError) return <ErrorState className="list-state" message={messageOf(payments.error)} onRetry={() => void payments.refetch()} />
  const { clients, items, failures } = payments.data
  const shown = paymentsShown(items, filter)
  const sorted = [...shown].sort((a, b) => (a.status === b.status ? b.invoicedAt.localeCompare(a.invoicedAt) : a.status === 'unpaid' ? -1 : 1))
  return (
    <section className="payments" aria-labelledby="payments-title">
      <div className="payments-header">
        <h2 id="payments-title">Payments</h2>
      </div>
      {failures.map((f) => (
        <p key={f.clientName} className="banner banner-warn" role="alert">
          Couldn't load payments from {f.clientName}: {f.message}
        </p>
      ))}
      <table aria-label="Totals by client">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Paid</th>
            <th scope="col">Unpaid</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.clientId}>
              <th scope="row">{c.clientName}</th>
              <td>{formatMoney(c.paid, c.currency)}</td>
              <td className={c.unpaid > 0 ? 'owed' : ''}>{formatMoney(c.unpaid, c.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="payments-filters">
        <div className="field inline">
          <label htmlFor="payments-client">Client</label>
          <select id="payments-client" value={filter.clientId ?? ''} onChange={(e) => setFilter({ ...filter, clientId: e.target.value || null })}>
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c.clientId} value={c.clientId}>
                {c.clientName}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="payments-status">Show</label>
          <select id="payments-status" value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: e.target.value === 'paid' || e.target.value === 'unpaid' ? e.target.value : null })}>
            <option value="">Paid and unpaid</option>
            <option value="unpaid">Unpaid only</option>
            <option value="paid">Paid only</option>
          </select>
        </div>
        <span className="muted small" role="status">{`${formatCount(shown.length)} of ${formatCount(items.length)} invoices`}</span>
        <ExportButton label="Export payments…" what={shown.length === 1 ? 'payment' : 'payments'} run={(saveId) => api().exportPayments({ saveId, filter })} />
      </div>
      <table aria-label="Payments by order">
        <thead>
          <tr>
            <th scope="col">Order #</th>
            <th scope="col">Property</th>
            <th scope="col">Client</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Invoice</th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No invoices match. Choose another client or show paid and unpaid.
              </td>
            </tr>
          )}
          {sorted.map((p) => (
            <tr key={`${p.clientId}/${p.invoiceNumber}`}>
              <td>
                <button type="button" className="link" onClick={() => onOpenOrder({ clientId: p.clientId, loanId: p.loanId, orderId: p.orderId })}>
                  {p.orderNumber}
                </button>
              </td>
              <td>{p.property ?? <span className="muted">Not in your orders list</span>}</td>
              <td>{p.clientName}</td>
              <td>{formatMoney(p.amount, p.currency)}</td>
              <td className={p.status === 'unpaid' ? 'owed' : ''}>{p.status === 'paid' ? `Paid ${p.paidAt ? formatDate(p.paidAt) : ''}` : `Unpaid · ${formatOutstanding(p.invoicedAt)}`}</td>
              <td className="muted">
                {p.invoiceNumber} · {formatDate(p.invoicedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
