/** The keys of the workspace's queries, and of an order's drafts. */
import type { OrderRef } from '../../../shared/ipc/order-schemas'

/** Every query of the signed-in workspace lives under this key, so it can be dropped or reloaded at once. */
export const WORKSPACE_KEY = ['workspace'] as const
export const INBOX_KEY = [...WORKSPACE_KEY, 'inbox'] as const
/** What main sends a window that opens before its whole inbox (see useInbox). */
export const INBOX_FIRST_SCREEN_KEY = [...WORKSPACE_KEY, 'inbox-first-screen'] as const
export const PAYMENTS_KEY = [...WORKSPACE_KEY, 'payments'] as const
export const orderQueryKey = (ref: OrderRef) => [...WORKSPACE_KEY, 'order', ref.clientId, ref.loanId, ref.orderId] as const
export const draftKey = (ref: OrderRef, form: string) => `${ref.orderId}:${form}`
