import { differenceInCalendarDays, format, formatDistanceToNowStrict } from 'date-fns'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'

const moneyFormats = new Map<string, Intl.NumberFormat>()

export function formatMoney(amount: number, currency: string): string {
  let formatter = moneyFormats.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency })
    moneyFormats.set(currency, formatter)
  }
  return formatter.format(amount)
}

export type DueUrgency = 'overdue' | 'soon' | 'later' | 'closed'

/** "Overdue by 2 days", "Due today", "Due in 2 days", or the date; with how urgent it is. */
export function describeDue(dueDate: string, now: Date, closed: boolean): { label: string; urgency: DueUrgency } {
  const due = new Date(dueDate)
  const days = differenceInCalendarDays(due, now)
  if (closed) return { label: `Due ${format(due, 'PP')}`, urgency: 'closed' }
  if (days < 0) return { label: `Overdue by ${-days} day${days === -1 ? '' : 's'}`, urgency: 'overdue' }
  if (days === 0) return { label: 'Due today', urgency: 'soon' }
  if (days === 1) return { label: 'Due tomorrow', urgency: 'soon' }
  if (days <= 2) return { label: `Due in ${days} days`, urgency: 'soon' }
  return { label: `Due ${format(due, 'EEE, MMM d')}`, urgency: 'later' }
}

export const formatDateTime = (iso: string) => format(new Date(iso), 'PPp')

const clockTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
/** "2:14 PM": a time of day, as the rest of the app writes it. */
export const formatTime = (iso: string | number) => clockTime.format(new Date(iso))
/** "3 hours ago", "in 2 days" — and "just now" for anything within a minute. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const at = new Date(iso)
  if (Math.abs(at.getTime() - now) < 60_000) return 'just now'
  return formatDistanceToNowStrict(at, { addSuffix: true })
}

export const addressLine = (o: Pick<OrderSummary, 'address'>) =>
  `${o.address.line1}, ${o.address.city}, ${o.address.state} ${o.address.zip}`

export type ResponseUrgency = 'ok' | 'soon' | 'passed'

/** "Respond within 3 h 12 min": amber under an hour, red once passed ("Response time passed"). */
export function describeResponseTime(respondBy: string, now: number): { label: string; urgency: ResponseUrgency } {
  const left = Date.parse(respondBy) - now
  if (left <= 0) return { label: 'Response time passed', urgency: 'passed' }
  const minutes = Math.max(1, Math.ceil(left / 60_000))
  const hours = Math.floor(minutes / 60)
  const text = hours === 0 ? `${minutes} min` : minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  return { label: `Respond within ${text}`, urgency: left < 60 * 60_000 ? 'soon' : 'ok' }
}
