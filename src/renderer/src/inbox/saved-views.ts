/** Views the sidebar names, each a question asked of every open order: "Due this week", "Rush". */
import { differenceInCalendarDays } from 'date-fns'
import type { IndexedOrder } from '../../../shared/inbox/order-index'
import { isOnHold } from '../../../shared/order-workflow'
import { calendarDateOf } from '../lib/format'

export type SavedViewId = 'dueThisWeek' | 'rush'

const dueInDays = (dueDate: string, now: Date) => {
  const { year, month, day } = calendarDateOf(dueDate)
  return differenceInCalendarDays(new Date(year, month - 1, day, 12), now)
}

export const SAVED_VIEWS: readonly { id: SavedViewId; label: string; matches(item: IndexedOrder, now: Date): boolean }[] = [
  // Overdue work is due this week too: it is what most needs doing.
  { id: 'dueThisWeek', label: 'Due this week', matches: (item, now) => !item.closed && !isOnHold(item.order.statusCode) && dueInDays(item.order.dueDate, now) < 7 },
  { id: 'rush', label: 'Rush', matches: (item) => !item.closed && item.order.rush }
]

export const savedViewLabel = (id: SavedViewId) => SAVED_VIEWS.find((v) => v.id === id)?.label ?? ''
