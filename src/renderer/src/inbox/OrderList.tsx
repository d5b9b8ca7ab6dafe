/** The order list: only the rows in view are in the page, so fifty thousand orders scroll and filter as fast as ten; each row named by what it shows. */
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { hasResponseDeadline, isOnHold, queueLabelOf, vendorStatusName } from '../../../shared/order-workflow'
import { propertyTimeZone } from '../../../shared/property-time-zone'
import { describeDue, formatAtProperty, formatMoney, formatShortAtProperty } from '../lib/format'
import { useNow } from '../lib/useNow'
import { RowOffsets } from '../lib/row-offsets'
import { useRowWindow } from '../lib/useRowWindow'
import type { IndexedOrder } from '../../../shared/inbox/order-index'
import { StatusChip } from './StatusChip'
import { ResponseDeadline } from './ResponseDeadline'

const ROW_HEIGHT = 68
/** A revision or an ROV puts its reason on a line of its own. */
const ROW_WITH_REASON_HEIGHT = 88

export const OrderList = memo(function OrderList(props: {
  items: readonly IndexedOrder[]
  /** Only the list's first rows are here yet: the rest are on their way. */
  busy: boolean
  selected: OrderRef | null
  /** A search across every queue: each row says the queue its order is in. */
  showQueue?: boolean
  onSelect(order: OrderSummary): void
  onOpen(order: OrderSummary): void
}) {
  const { items, selected } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const offsets = useMemo(() => {
    const withReason: number[] = []
    for (let i = 0; i < items.length; i++) if ((items[i] as IndexedOrder).order.latestRevision) withReason.push(i)
    return new RowOffsets(items.length, ROW_HEIGHT, withReason, ROW_WITH_REASON_HEIGHT)
  }, [items])
  const { totalSize, rows, scrollToIndex } = useRowWindow(offsets, scrollRef)
  const selectedIndex = useMemo(() => (selected === null ? -1 : items.findIndex(({ order: o }) => o.orderId === selected.orderId && o.loanId === selected.loanId && o.clientId === selected.clientId)), [items, selected])

  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex)
  }, [selectedIndex, scrollToIndex])

  const move = (delta: number) => {
    if (items.length === 0) return
    const next = Math.min(items.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta))
    const item = items[next]
    if (item) props.onSelect(item.order)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      Home: () => move(-items.length),
      End: () => move(items.length),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Enter: () => {
        const item = items[selectedIndex]
        if (item) props.onOpen(item.order)
      }
    }
    const action = keys[event.key]
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      action()
    }
  }

  // Rows re-render for their own order, place or selection — and once a minute for "due in…".
  const minute = Math.floor(useNow(60_000) / 60_000)
  const activeId = selectedIndex >= 0 ? `order-${selectedIndex}` : undefined
  return (
    <div ref={scrollRef} className="order-scroll" role="listbox" aria-label="Orders" tabIndex={0} aria-activedescendant={activeId} aria-busy={props.busy || undefined} onKeyDown={onKeyDown}>
      <div style={{ height: totalSize, position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index] as IndexedOrder
          // Keyed by place, not by order: a keystroke that changes the list updates the rows' text
          // in place instead of destroying and building every row in view.
          return <OrderRow key={row.index} item={item} index={row.index} top={row.start} selected={row.index === selectedIndex} minute={minute} showQueue={props.showQueue ?? false} onSelect={props.onSelect} onOpen={props.onOpen} />
        })}
      </div>
    </div>
  )
})

const OrderRow = memo(function OrderRow(props: { item: IndexedOrder; index: number; top: number; selected: boolean; minute: number; showQueue: boolean; onSelect(order: OrderSummary): void; onOpen(order: OrderSummary): void }) {
  const { item, index, top, selected, minute } = props
  const { order } = item
  const due = describeDue(order.dueDate, new Date(minute * 60_000), item.closed, isOnHold(order.statusCode))
  const revision = order.latestRevision
  // No aria-label: a row's name is what it shows (street, city, client, product, fee, status,
  // countdown or due date, and a revision's reason), so a voice-control user can say what they see.
  return (
    <div
      id={`order-${index}`}
      role="option"
      aria-selected={selected}
      className={revision ? 'order-row order-row-reason' : 'order-row'}
      style={{ transform: `translateY(${top}px)`, height: revision ? ROW_WITH_REASON_HEIGHT : ROW_HEIGHT }}
      onClick={() => props.onSelect(order)}
      onDoubleClick={() => props.onOpen(order)}
    >
      <div className="row-main">
        <span className="row-address">{order.address.line1}</span>
        {/* One text each, not three: text nodes are laid out one by one. */}
        <span className="row-city">{`${order.address.city}, ${order.address.state}`}</span>
        <span className="row-status">
          <StatusChip code={order.statusCode} respondBy={order.respondBy} />
        </span>
      </div>
      <div className="row-meta">
        <span className="row-client">{order.clientName}</span>
        <span className="row-product">{order.product}</span>
        <span className="row-fee">{formatMoney(order.fee.amount, order.fee.currency)}</span>
        {order.rush && <span className="tag">Rush</span>}
        {props.showQueue && <span className="row-queue">{`in ${queueLabelOf(order.statusCode)}`}</span>}
        <span className="row-when">
          {/* While an answer is awaited its deadline matters more than the report's due date. */}
          {hasResponseDeadline(order) ? (
            <ResponseDeadline order={order} />
          ) : order.appointmentAt && !item.closed ? (
            // An inspection's row says the appointment; one gone by and not marked complete is flagged.
            <Appointment at={order.appointmentAt} state={order.address.state} now={minute * 60_000} />
          ) : (
            <span className={`due due-${due.urgency}`}>{due.label}</span>
          )}
        </span>
      </div>
      {revision && (
        <div className="row-revision" title={revision.reason}>
          {`${vendorStatusName(order.statusCode, order.respondBy)}: ${revision.reason}`}
        </div>
      )}
    </div>
  )
})

function Appointment(props: { at: string; state: string; now: number }) {
  const zone = propertyTimeZone(props.state)
  const when = formatShortAtProperty(props.at, zone, props.now)
  const full = formatAtProperty(props.at, zone)
  return Date.parse(props.at) < props.now ? (
    <span className="due due-overdue" title={`Inspection was ${full} — mark complete?`}>{`Inspection was ${when}`}</span>
  ) : (
    <span className="due due-soon" title={`Inspection ${full}`}>{`Inspection ${when}`}</span>
  )
}
