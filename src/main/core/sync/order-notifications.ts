import type { NotificationKind } from '../../../shared/ipc/app-schemas'
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { ORDER_STATUS as S } from '../../../shared/order-status'
import { inSet } from '../../../shared/order-workflow'
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

/**
 * What an appraiser is told about a change, like a colleague would say it: who, where, what to do,
 * by when. Never the borrower's name. Null when the change needs no notification.
 */
export function notificationFor(before: OrderSummary | undefined, after: OrderSummary, now: number): OrderNotification | null {
  const told = describeChange(before, after, now)
  return told ? { ...told, street: after.address.line1, event: stateEvent(after) } : null
}

function describeChange(before: OrderSummary | undefined, after: OrderSummary, now: number): Omit<OrderNotification, 'event' | 'street'> | null {
  const client = after.clientName
  if (!before) {
    if (after.statusCode !== S.OrderAssigned) return null
    const within = after.respondBy ? ` · respond within ${formatDuration(Date.parse(after.respondBy) - now)}` : ''
    return { kind: 'newAssignment', title: `New order from ${client}`, body: `${where(after)} · ${money(after)}${within}`, order: ref(after) }
  }
  if (before.statusCode === after.statusCode) {
    // At status 4 the client's answer shows only as a change of the order.
    if (after.statusCode === S.AcceptedWithConditions && before.updatedAt !== after.updatedAt) {
      return { kind: 'counterOfferAnswered', title: `${client} answered your counter-offer`, body: `${where(after)} · open the order to see their terms`, order: ref(after) }
    }
    return null
  }
  if (inSet('revision', after.statusCode) || inSet('rov', after.statusCode)) {
    const reason = after.latestRevision?.reason ? `: ${after.latestRevision.reason}` : ''
    const what = inSet('rov', after.statusCode) ? 'Reconsideration of value requested' : 'Revision requested'
    return { kind: 'revisionRequested', title: `${what} — ${after.address.line1}`, body: `${client}${reason}`, order: ref(after) }
  }
  if (before.statusCode === S.AcceptedWithConditions && after.statusCode === S.OrderAccepted) {
    return { kind: 'counterOfferAnswered', title: `${client} accepted your counter-offer`, body: `${where(after)} · ${money(after)}`, order: ref(after) }
  }
  if (after.statusCode === S.Cancelled) return { kind: 'cancelled', title: `Order cancelled — ${after.address.line1}`, body: `${client} cancelled ${after.orderNumber}.`, order: ref(after) }
  if (after.statusCode === S.OnHold) return { kind: 'onHold', title: `Order on hold — ${after.address.line1}`, body: `${client} put ${after.orderNumber} on hold.`, order: ref(after) }
  if (after.statusCode === S.OrderUnassigned && before.statusCode === S.OrderAssigned) {
    return { kind: 'reassigned', title: `Order reassigned — ${after.address.line1}`, body: `No answer within ${client}'s response time, so ${after.orderNumber} went back for reassignment.`, order: ref(after) }
  }
  return null
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
