/**
 * How the window writes dates, times, money and addresses — the one formatter, in the user's locale:
 * a time reads "2:14 PM", a date "Dec 8, 2026", both "Dec 8, 2026, 2:14 PM", everywhere.
 */
import { differenceInCalendarDays, formatDistanceToNowStrict } from 'date-fns'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' })
// Made here with the others, before any order is shown: a currency formatter takes 2–5 ms to make in
// Chromium, and the first rows would wait for it. Fees on this US platform are in dollars; any other
// currency gets its formatter when first shown.
const moneyFormats = new Map<string, Intl.NumberFormat>([['USD', new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' })]])

type When = string | number | Date

/** "2:14 PM" */
export const formatTime = (when: When) => timeFormat.format(new Date(when))
/** "Dec 8, 2026" */
export const formatDate = (when: When) => dateFormat.format(new Date(when))
/** "Dec 8, 2026, 2:14 PM" */
export const formatDateTime = (when: When) => dateTimeFormat.format(new Date(when))

const countFormat = new Intl.NumberFormat()
/** A count as the appraiser reads numbers (10,000). */
export const formatCount = (n: number) => countFormat.format(n)

export function formatMoney(amount: number, currency: string): string {
  let formatter = moneyFormats.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency })
    moneyFormats.set(currency, formatter)
  }
  return formatter.format(amount)
}

export type DueUrgency = 'overdue' | 'soon' | 'later' | 'closed' | 'held'

/**
 * A report's due date is a calendar date (docs/platform-contract.md → Times and dates): the date
 * the platform gives, the same in every time zone — never moved a day by the computer's zone.
 */
export function calendarDateOf(dueDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dueDate)
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  const at = new Date(dueDate)
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() }
}
/** The calendar date as a local date at noon: what the date formatters and day counts take. */
const asLocalDate = (dueDate: string) => {
  const { year, month, day } = calendarDateOf(dueDate)
  return new Date(year, month - 1, day, 12)
}
/** "Dec 11, 2026": a due date, the same wherever the computer is. */
export const formatDueDate = (dueDate: string) => dateFormat.format(asLocalDate(dueDate))

/** "Overdue by 2 days", "Due today", "Due in 2 days", "Due Tue, Dec 8" or "On hold"; with how urgent it is. */
export function describeDue(dueDate: string, now: Date, closed: boolean, held = false): { label: string; urgency: DueUrgency } {
  const due = asLocalDate(dueDate)
  const days = differenceInCalendarDays(due, now)
  if (closed) return { label: `Due ${formatDueDate(dueDate)}`, urgency: 'closed' }
  if (held) return { label: 'On hold', urgency: 'held' }
  if (days < 0) return { label: `Overdue by ${-days} day${days === -1 ? '' : 's'}`, urgency: 'overdue' }
  if (days === 0) return { label: 'Due today', urgency: 'soon' }
  if (days === 1) return { label: 'Due tomorrow', urgency: 'soon' }
  if (days <= 2) return { label: `Due in ${days} days`, urgency: 'soon' }
  return { label: `Due ${dayFormat.format(due)}`, urgency: 'later' }
}

/** The zone's short name at that instant ("CST", "GMT-6"); the computer's zone when none is given. */
const zoneNameAt = (at: Date, zone?: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value

const TIME = { hour: 'numeric', minute: '2-digit' } as const
/** The ways an instant at a property is written, by how much of the date it says. */
const SHAPES = {
  dateTime: { weekday: 'short', month: 'short', day: 'numeric', ...TIME },
  weekdayTime: { weekday: 'short', ...TIME },
  monthDayTime: { month: 'short', day: 'numeric', ...TIME },
  time: TIME
} as const satisfies Record<string, Intl.DateTimeFormatOptions>
const zoneFormats = new Map<string, Intl.DateTimeFormat>()

/** The instant in the property's zone (null: the computer's), with the zone's name when its clock differs from the computer's then. */
function atProperty(when: When, zone: string | null, shape: keyof typeof SHAPES): string {
  const at = new Date(when)
  const labelled = zone !== null && zoneNameAt(at, zone) !== zoneNameAt(at)
  const key = `${shape}|${zone ?? ''}|${labelled}`
  let format = zoneFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...SHAPES[shape], timeZone: zone ?? undefined, ...(labelled ? { timeZoneName: 'short' as const } : {}) })
    zoneFormats.set(key, format)
  }
  return format.format(at)
}

/**
 * An instant at a property ("Mon, Dec 8, 2:00 PM"), in the property's time zone (null: the computer's),
 * with the zone's name when its clock differs from the computer's then ("Mon, Dec 8, 2:00 PM CST").
 */
export const formatAtProperty = (when: When, zone: string | null): string => atProperty(when, zone, 'dateTime')

/**
 * The same instant for a narrow row: "Fri 3:16 PM" within six days of now, "Dec 14, 3:16 PM"
 * further off — labelled with the zone like formatAtProperty.
 */
export const formatShortAtProperty = (when: When, zone: string | null, now: number): string =>
  atProperty(when, zone, Math.abs(new Date(when).getTime() - now) < 6 * 86_400_000 ? 'weekdayTime' : 'monthDayTime')

/** "2:00 PM" (or "2:00 PM CST"): a time today at the property, labelled like formatAtProperty. */
export const formatTimeAtProperty = (when: When, zone: string | null): string => atProperty(when, zone, 'time')

/** "Mon, Dec 8, 2:00 PM": an instant in the computer's zone, as people read it. */
export const formatMoment = (when: When) => formatAtProperty(when, null)

/** Text from the platform with ISO instants in it ("Appointment 2026-12-08T14:00:00.000Z"), the instants written as people read them. */
export function readableInstants(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : formatMoment(iso)))
}

/** "3 hours ago", "in 2 days" — and "just now" for anything within a minute. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const at = new Date(iso)
  if (Math.abs(at.getTime() - now) < 60_000) return 'just now'
  return formatDistanceToNowStrict(at, { addSuffix: true })
}

/** How long an invoice has waited: "outstanding 12 days", "outstanding since today". */
export function formatOutstanding(invoicedAt: string, now: Date = new Date()): string {
  const days = differenceInCalendarDays(now, new Date(invoicedAt))
  return days <= 0 ? 'outstanding since today' : `outstanding ${days} day${days === 1 ? '' : 's'}`
}

/** A time as a date-and-time field holds it (local, to the minute), e.g. "2026-12-08T14:30". */
export function toDateTimeInput(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}`
}

export const addressLine = (o: Pick<OrderSummary, 'address'>) => `${o.address.line1}, ${o.address.city}, ${o.address.state} ${o.address.zip}`

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
