/** What tests build again and again: the demo appraiser's sign-in, an order waiting for its inspection, a bare ref. */
import type { OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import type { RunningSandbox } from '../../src/sandbox/server'

/** The demo appraiser signing in to the sandbox, kept signed in. */
export const signInInput = { environment: { kind: 'sandbox' as const }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true }

/** Just the ref of anything that carries one (what the IPC contract accepts: no extra fields). */
export const refOf = ({ clientId, loanId, orderId }: OrderRef): OrderRef => ({ clientId, loanId, orderId })

export type ScheduledOrder = OrderRef & { street: string; borrowerName: string }

/**
 * A new order of the demo appraiser's with its inspection scheduled (`scheduledAt`, an hour ago by
 * default), made through the sandbox's control plane in each of `sandboxes` (the same place in each).
 */
export async function scheduledOrder(sandboxes: RunningSandbox[], scheduledAt = new Date(Date.now() - 3_600_000).toISOString()): Promise<ScheduledOrder> {
  let made: ScheduledOrder | null = null
  for (const sandbox of sandboxes) {
    const response = await fetch(`${sandbox.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    const created = (await response.json()) as { id: string; clientId: string; loanId: string; propertyAddress: { street: string } }
    const order = sandbox.sandbox.orders.findById(created.id)
    order.status = ORDER_STATUS.InspectionScheduled
    order.respondBy = null
    order.inspection = { scheduledAt, completedAt: null }
    made = { clientId: created.clientId, loanId: created.loanId, orderId: created.id, street: created.propertyAddress.street, borrowerName: order.borrowerName }
  }
  if (!made) throw new Error('no sandbox to make the order in')
  return made
}
