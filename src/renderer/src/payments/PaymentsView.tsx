/** What the appraiser has been paid, and is owed, by each client; each invoice opens its order. */
import { useQuery } from '@tanstack/react-query'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { ExportButton } from '../lib/ExportButton'
import { formatDate, formatMoney, formatOutstanding } from '../lib/format'
import { PAYMENTS_KEY } from '../order/order-keys'

export function PaymentsView({ onOpenOrder }: { onOpenOrder(ref: OrderRef): void }) {
  const payments = useQuery({ queryKey: PAYMENTS_KEY, queryFn: () => unwrap(api().listPayments()) })
  if (payments.isPending) return <p className="list-state" role="status">Loading payments…</p>
  if (payments.isError) return <ErrorState className="list-state" message={messageOf(payments.error)} onRetry={() => void payments.refetch()} />
  const { clients, items, failures } = payments.data
  const sorted = [...items].sort((a, b) => (a.status === b.status ? b.invoicedAt.localeCompare(a.invoicedAt) : a.status === 'unpaid' ? -1 : 1))
  return (
    <section className="payments" aria-labelledby="payments-title">
      <div className="payments-header">
        <h2 id="payments-title">Payments</h2>
        <ExportButton label="Export payments…" what="payments" run={(saveId) => api().exportPayments({ saveId })} />
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
      <table aria-label="Payments by order">
        <thead>
          <tr>
            <th scope="col">Order #</th>
            <th scope="col">Client</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Invoice</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={`${p.clientId}/${p.invoiceNumber}`}>
              <td>
                <button type="button" className="link" onClick={() => onOpenOrder({ clientId: p.clientId, loanId: p.loanId, orderId: p.orderId })}>
                  {p.orderNumber}
                </button>
              </td>
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
