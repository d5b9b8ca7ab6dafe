/** The payments a filter names: what the Payments view shows and what Export payments… writes. */
import type { Payments, PaymentsFilter } from './ipc/order-schemas'

export function paymentsShown(items: Payments['items'], filter: PaymentsFilter): Payments['items'] {
  return items.filter((p) => (filter.clientId === null || p.clientId === filter.clientId) && (filter.status === null || p.status === filter.status))
}
