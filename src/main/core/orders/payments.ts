/** The vendor's payment history across clients, with paid and unpaid totals per client. */
import { orderKey, type OrderSummary, type Payments } from '../../../shared/ipc/order-schemas'
import { toAppError } from '../platform/to-app-error'
import type { AuthorizedPlatform } from '../platform/authorized-platform'

/** The vendor's payment history across clients, with paid/unpaid totals per client. */
export async function listPayments(auth: AuthorizedPlatform, signal?: AbortSignal): Promise<Payments> {
  const cancellable = signal ? { signal } : {}
  let clients
  try {
    clients = (await auth.call('me', cancellable)).clients
  } catch (error) {
    throw toAppError(error)
  }
  const settled = await Promise.allSettled(clients.map((c) => auth.call('listVendorPayments', { params: { clientId: c.id }, ...cancellable })))
  const result: Payments = { clients: [], items: [], failures: [] }
  settled.forEach((outcome, index) => {
    const client = clients[index]
    if (!client) return
    if (outcome.status === 'rejected') {
      result.failures.push({ clientName: client.name, message: toAppError(outcome.reason).message })
      return
    }
    const items = outcome.value.items.map((p) => ({
      clientId: client.id,
      clientName: client.name,
      loanId: p.loanId,
      orderId: p.orderId,
      orderNumber: p.orderNumber,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      invoiceNumber: p.invoiceNumber,
      invoicedAt: p.invoicedAt,
      paidAt: p.paidAt ?? null,
      property: null
    }))
    result.items.push(...items)
    const sum = (status: 'paid' | 'unpaid') => items.filter((i) => i.status === status).reduce((total, i) => total + i.amount, 0)
    result.clients.push({ clientId: client.id, clientName: client.name, currency: items[0]?.currency ?? 'USD', paid: sum('paid'), unpaid: sum('unpaid') })
  })
  if (clients.length > 0 && result.failures.length === clients.length) throw toAppError((settled[0] as PromiseRejectedResult).reason)
  return result
}

/** Each payment with its order's property, where the inbox holds the order: a row says which job it paid for. */
export function withProperties(payments: Payments, orders: readonly OrderSummary[]): Payments {
  const byKey = new Map(orders.map((o) => [orderKey(o), o]))
  const property = (o: OrderSummary | undefined) => (o ? `${o.address.line1}, ${o.address.city}, ${o.address.state}` : null)
  return { ...payments, items: payments.items.map((p) => ({ ...p, property: property(byKey.get(orderKey(p))) })) }
}
