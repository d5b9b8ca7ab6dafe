import { useQuery } from '@tanstack/react-query'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { formatDateTime, formatMoney } from '../lib/format'
import { PAYMENTS_KEY } from '../order/order-keys'

/** What the appraiser has been paid, and is owed, by each client. */
export function PaymentsView() {
  const payments = useQuery({ queryKey: PAYMENTS_KEY, queryFn: () => unwrap(api().listPayments()) })
  if (payments.isPending) return <p className="list-state" role="status">Loading payments…</p>
  if (payments.isError) return <ErrorState className="list-state" message={messageOf(payments.error)} onRetry={() => void payments.refetch()} />
  const { clients, items, failures } = payments.data
  const sorted = [...items].sort((a, b) => (a.status === b.status ? b.invoicedAt.localeCompare(a.invoicedAt) : a.status === 'unpaid' ? -1 : 1))
  return (
    <section className="payments" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
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
              <td>{p.orderNumber}</td>
              <td>{p.clientName}</td>
              <td>{formatMoney(p.amount, p.currency)}</td>
              <td>{p.status === 'paid' ? `Paid ${p.paidAt ? formatDateTime(p.paidAt) : ''}` : 'Unpaid'}</td>
              <td className="muted">
                {p.invoiceNumber} · {formatDateTime(p.invoicedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
