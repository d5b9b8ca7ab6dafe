/**
 * Today: the first screen after sign-in. The day's inspections in time order with the borrower's
 * phone and Directions; what must be answered or delivered today, with countdowns; what became
 * overdue; the next days below.
 * Keyboard-first like the inbox: j/k (or the arrows) move, Enter opens the order.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { directionsUrl } from '../../../shared/directions'
import { propertyTimeZone } from '../../../shared/property-time-zone'
import { api } from '../lib/bridge'
import { describeDue, describeResponseTime, formatAtProperty, formatCount, formatTimeAtProperty } from '../lib/format'
import { useNow } from '../lib/useNow'
import { useMapsProvider } from '../lib/useMapsProvider'
import { agendaItems, todayAgenda, type AgendaItem } from './today-agenda'
import { BorrowerCall } from './BorrowerCall'

const dayTitle = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' })

function whatItIs(item: AgendaItem, now: number): string {
  const { order } = item
  const at = () => formatAtProperty(item.at, propertyTimeZone(order.address.state))
  switch (item.reason) {
    case 'inspection':
      // Today's inspections say the time; the next days' are under their day, which says the date.
      return `Inspection ${formatTimeAtProperty(item.at, propertyTimeZone(order.address.state))}`
    case 'pastInspection':
      return `Inspection was ${at()} — mark complete?`
    case 'respond':
      return describeResponseTime(order.respondBy ?? '', now).label
    case 'revision':
      return `${order.latestRevision?.type ?? 'Revision'} · ${describeDue(order.dueDate, new Date(now), false).label}`
    case 'due':
    case 'overdue':
      return `Report · ${describeDue(order.dueDate, new Date(now), false).label}`
  }
}

export function TodayView(props: { orders: readonly OrderSummary[] | undefined; offlineSince: string | null; onOpen(ref: OrderRef): void }) {
  const now = useNow(60_000)
  const maps = useMapsProvider()
  const agenda = useMemo(() => todayAgenda(props.orders ?? [], new Date(now)), [props.orders, now])
  const items = useMemo(() => agendaItems(agenda), [agenda])
  const [focused, setFocused] = useState(0)
  const listRef = useRef<HTMLDivElement>(null)
  const position = new Map(items.map((item, i) => [item, i]))

  const focusItem = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i))
    setFocused(next)
    listRef.current?.querySelector<HTMLElement>(`[data-agenda="${next}"]`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'j' || event.key === 'ArrowDown') focusItem(focused + 1)
    else if (event.key === 'k' || event.key === 'ArrowUp') focusItem(focused - 1)
    else return
    event.preventDefault()
  }

  const todays = new Set(agenda.inspections)
  const row = (item: AgendaItem) => {
    const i = position.get(item) ?? 0
    // The phone is fetched with the order, so only for today's inspections: the next days' are one click away.
    const isToday = todays.has(item)
    const { order } = item
    const ref = { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }
    return (
      <li key={`${item.reason}-${order.clientId}-${order.orderId}`} className={`agenda-item agenda-${item.reason}`}>
        <button type="button" className="agenda-open" data-agenda={i} tabIndex={i === focused ? 0 : -1} onFocus={() => setFocused(i)} onClick={() => props.onOpen(ref)}>
          <span className="agenda-when">{whatItIs(item, now)}</span>
          <span className="agenda-where">
            <strong>{order.address.line1}</strong> <span className="muted">{`${order.address.city}, ${order.address.state}`}</span>
          </span>
          <span className="agenda-who muted">{item.reason === 'inspection' ? `${order.borrowerName} · ${order.clientName}` : `${order.clientName} · ${order.product}`}</span>
        </button>
        {item.reason === 'inspection' && isToday && <BorrowerCall orderRef={ref} tabIndex={i === focused ? 0 : -1} />}
        {item.reason === 'inspection' && (
          <button type="button" className="agenda-directions" tabIndex={i === focused ? 0 : -1} onClick={() => void api().openExternal({ url: directionsUrl(order.address, maps) }) /* eng-disable OPEN_EXTERNAL_JS_CHECK - the bridge's call: main vets the link and asks before opening */}>
            Directions
          </button>
        )}
      </li>
    )
  }
  const section = (title: string, list: AgendaItem[], empty: string) => (
    <section className="agenda-section" aria-label={title}>
      <h3>
        {title} <span className="count">{formatCount(list.length)}</span>
      </h3>
      {list.length === 0 ? <p className="muted">{empty}</p> : <ul>{list.map(row)}</ul>}
    </section>
  )

  return (
    <div className="today" ref={listRef} onKeyDown={onKeyDown}>
      <header className="today-header">
        <h2>Today</h2>
        <p className="muted">
          {dayTitle.format(new Date(now))}
          {props.offlineSince ? ' · offline, from the saved copy' : ''}
        </p>
      </header>
      {props.orders === undefined ? (
        <p className="muted" role="status">
          Loading your day…
        </p>
      ) : (
        <>
          {section('Inspections today', agenda.inspections, 'No inspections today.')}
          {section('Answer or deliver today', agenda.answerToday, 'Nothing else is due today.')}
          {section('Overdue', agenda.overdue, 'Nothing is overdue.')}
          <section className="agenda-section" aria-label="Coming up">
            <h3>Coming up</h3>
            {agenda.upcoming.length === 0 ? (
              <p className="muted">Nothing in the next days.</p>
            ) : (
              agenda.upcoming.map(({ day, items: dayItems }) => (
                <div key={day.toISOString()} className="agenda-day">
                  <h4>{dayTitle.format(day)}</h4>
                  <ul>{dayItems.map(row)}</ul>
                </div>
              ))
            )}
          </section>
        </>
      )}
    </div>
  )
}
