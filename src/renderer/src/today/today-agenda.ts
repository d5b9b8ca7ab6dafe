/**
 * What an appraiser's day holds, from the inbox: the inspections of the day in time order; what must
 * be answered or delivered today (response deadlines, revisions and ROVs, reports due); what became
 * overdue (reports past due, appointments gone by and not marked complete); and the next days'
 * appointments and due dates. Pure: the same orders and "now" give the same day.
 */
import { addDays, differenceInCalendarDays, startOfDay } from 'date-fns'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { hasResponseDeadline, isClosed, isOnHold, revisionKind } from '../../../shared/order-workflow'
import { calendarDateOf } from '../lib/format'

export type AgendaReason = 'inspection' | 'respond' | 'revision' | 'due' | 'overdue' | 'pastInspection'

export interface AgendaItem {
  order: OrderSummary
  reason: AgendaReason
  /** When it happens or falls due (an instant, or the due date's local noon), for ordering. */
  at: number
}

export interface Agenda {
  inspections: AgendaItem[]
  answerToday: AgendaItem[]
  overdue: AgendaItem[]
  /** The next days, each with its date and what falls on it. */
  upcoming: { day: Date; items: AgendaItem[] }[]
}

/** How many days after today the agenda looks ahead. */
export const AGENDA_DAYS = 7

const dueNoon = (dueDate: string) => {
  const { year, month, day } = calendarDateOf(dueDate)
  return new Date(year, month - 1, day, 12).getTime()
}
const byTime = (a: AgendaItem, b: AgendaItem) => a.at - b.at

export function todayAgenda(orders: readonly OrderSummary[], now: Date): Agenda {
  const today = startOfDay(now)
  const agenda: Agenda = { inspections: [], answerToday: [], overdue: [], upcoming: [] }
  const ahead = new Map<number, AgendaItem[]>()
  const later = (days: number, item: AgendaItem) => {
    if (days < 1 || days > AGENDA_DAYS) return
    const list = ahead.get(days) ?? []
    list.push(item)
    ahead.set(days, list)
  }
  for (const order of orders) {
    if (isClosed(order.statusCode)) continue
    if (order.appointmentAt) {
      const at = Date.parse(order.appointmentAt)
      const days = differenceInCalendarDays(new Date(at), today)
      if (at < now.getTime()) agenda.overdue.push({ order, reason: 'pastInspection', at })
      else if (days === 0) agenda.inspections.push({ order, reason: 'inspection', at })
      else later(days, { order, reason: 'inspection', at })
    }
    if (hasResponseDeadline(order)) {
      const at = Date.parse(order.respondBy)
      if (differenceInCalendarDays(new Date(at), today) <= 0 && at > now.getTime()) agenda.answerToday.push({ order, reason: 'respond', at })
      continue
    }
    // On hold, its due date waits with it: never due, never overdue.
    if (isOnHold(order.statusCode)) continue
    const at = dueNoon(order.dueDate)
    const days = differenceInCalendarDays(new Date(at), today)
    if (days < 0) agenda.overdue.push({ order, reason: 'overdue', at })
    else if (revisionKind(order.statusCode) !== null && days <= 0) agenda.answerToday.push({ order, reason: 'revision', at })
    else if (days === 0) agenda.answerToday.push({ order, reason: 'due', at })
    else if (revisionKind(order.statusCode) !== null) later(days, { order, reason: 'revision', at })
    else later(days, { order, reason: 'due', at })
  }
  agenda.inspections.sort(byTime)
  agenda.answerToday.sort(byTime)
  agenda.overdue.sort(byTime)
  agenda.upcoming = [...ahead.entries()].sort((a, b) => a[0] - b[0]).map(([days, items]) => ({ day: addDays(today, days), items: items.sort(byTime) }))
  return agenda
}

/** Every item in the order the screen lists them (what j/k moves through). */
export const agendaItems = (agenda: Agenda): AgendaItem[] => [...agenda.inspections, ...agenda.answerToday, ...agenda.overdue, ...agenda.upcoming.flatMap((d) => d.items)]
