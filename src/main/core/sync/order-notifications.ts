/**
 * What an appraiser is told about a change, like a colleague would say it: who, where, what to do,
 * by when — never the borrower's name. Which changes are news comes from the state machine
 * (a transition's `notify`); only the wording lives here.
 */
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { NOTIFIED_CHANGES, findTransition, isNewAssignment, type NotificationKind, type NotifiedChange } from '../../../shared/order-workflow'
import { deadlineEvent, stateEvent } from './notification-memory'

export interface OrderNotification {
  kind: NotificationKind
  title: string
  body: string
  order: OrderRef
  /** Where the order is, for a summary of several. */
  street: string
  /** The one event it tells (see notification-memory): told at most once. */
  event: string
}

/** Above this many at once, one summary notification instead. */
export const MAX_SEPARATE_NOTIFICATIONS = 3
export const DEADLINE_WARNING_MS = 60 * 60_000

const money = (o: OrderSummary) => new Intl.NumberFormat('en-US', { style: 'currency', currency: o.fee.currency, maximumFractionDigits: 0 }).format(o.fee.amount)
const where = (o: OrderSummary) => `${o.address.line1}, ${o.address.city}`
const ref = (o: OrderSummary): OrderRef => ({ clientId: o.clientId, loanId: o.loanId, orderId: o.orderId })

/** "4 h", "35 min", "1 h 20 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 || hours >= 10 ? `${hours} h` : `${hours} h ${rest} min`
}

type Wording = (after: OrderSummary, now: number) => { title: string; body: string }

const WORDING: Record<NotifiedChange, Wording> = {
  newAssignment: (o, now) => ({
    title: `New order from ${o.clientName}`,
    body: `${where(o)} · ${money(o)}${o.respondBy ? ` · respond within ${formatDuration(Date.parse(o.respondBy) - now)}` : ''}`
  }),
  reassignedForNoResponse: (o) => ({ title: `Order reassigned — ${o.address.line1}`, body: `No answer within ${o.clientName}'s response time, so ${o.orderNumber} went back for reassignment.` }),
  clientAcceptedTerms: (o) => ({ title: `${o.clientName} accepted your counter-offer`, body: `${where(o)} · ${money(o)}` }),
  clientCountered: (o) => ({ title: `${o.clientName} answered your counter-offer`, body: `${where(o)} · open the order to see their terms` }),
  revisionRequested: (o) => ({ title: `Revision requested — ${o.address.line1}`, body: `${o.clientName}${o.latestRevision?.reason ? `: ${o.latestRevision.reason}` : ''}` }),
  reconsiderationRequested: (o) => ({ title: `Reconsideration of value requested — ${o.address.line1}`, body: `${o.clientName}${o.latestRevision?.reason ? `: ${o.latestRevision.reason}` : ''}` }),
  putOnHold: (o) => ({ title: `Order on hold — ${o.address.line1}`, body: `${o.clientName} put ${o.orderNumber} on hold.` }),
  cancelled: (o) => ({ title: `Order cancelled — ${o.address.line1}`, body: `${o.clientName} cancelled ${o.orderNumber}.` })
}

/** The change the platform made, as the state machine names it: a new order, or the move from `before`'s status (a counter at 4 shows only as a newer order). */
function changeOf(before: OrderSummary | undefined, after: OrderSummary): NotifiedChange | null {
  if (!before) return isNewAssignment(after.statusCode) ? 'newAssignment' : null
  if (before.statusCode === after.statusCode && before.updatedAt === after.updatedAt) return null
  return findTransition(before.statusCode, after.statusCode)?.notify ?? null
}

/** The notification for a change the appraiser did not make, or null when it is not news. */
export function notificationFor(before: OrderSummary | undefined, after: OrderSummary, now: number): OrderNotification | null {
  const change = changeOf(before, after)
  if (!change) return null
  return { kind: NOTIFIED_CHANGES[change], ...WORDING[change](after, now), order: ref(after), street: after.address.line1, event: stateEvent(after) }
}

export function deadlineWarning(order: OrderSummary, now: number): OrderNotification {
  const left = order.respondBy ? Date.parse(order.respondBy) - now : DEADLINE_WARNING_MS
  return { kind: 'deadlineSoon', title: `${formatDuration(left)} left to respond — ${order.address.line1}`, body: `${order.clientName} · ${money(order)} · accept, counter or decline before it is reassigned`, order: ref(order), street: order.address.line1, event: deadlineEvent(order) }
}

const KIND_WORDS: Record<NotificationKind, [string, string]> = {
  newAssignment: ['new order', 'new orders'],
  revisionRequested: ['revision requested', 'revisions requested'],
  counterOfferAnswered: ['counter-offer answered', 'counter-offers answered'],
  cancelled: ['order cancelled', 'orders cancelled'],
  onHold: ['order on hold', 'orders on hold'],
  reassigned: ['order reassigned', 'orders reassigned'],
  deadlineSoon: ['deadline coming up', 'deadlines coming up']
}

/** Many changes at once read as one message; those that came while the app was closed say so. */
export function summarize(notifications: readonly OrderNotification[], options: { away?: boolean } = {}): { title: string; body: string } {
  const counts = new Map<NotificationKind, number>()
  for (const n of notifications) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1)
  const parts = [...counts].map(([kind, count]) => `${count} ${(KIND_WORDS[kind] as [string, string])[count === 1 ? 0 : 1]}`)
  const onlyNew = counts.size === 1 && counts.has('newAssignment')
  const title = `${notifications.length} ${onlyNew ? 'new orders' : 'order updates'}${options.away ? ' while you were away' : ''}`
  if (!onlyNew) return { title, body: parts.join(', ') }
  const streets = notifications.map((n) => n.street)
  const shown = streets.slice(0, 3).join(', ')
  return { title, body: streets.length > 3 ? `${shown} and ${streets.length - 3} more` : shown }
}
