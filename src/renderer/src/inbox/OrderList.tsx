/** The order list: virtualized, so ten thousand orders scroll and filter as fast as ten; each row named by what it shows. */
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import { orderKey, type OrderSummary } from '../../../shared/ipc/order-schemas'
import { hasResponseDeadline, isClosed, vendorStatusName } from '../../../shared/order-workflow'
import { describeDue, formatMoney } from '../lib/format'
import { StatusChip } from './StatusChip'
import { ResponseDeadline } from './ResponseDeadline'

const ROW_HEIGHT = 68
/** A revision or an ROV puts its reason on a line of its own. */
const ROW_WITH_REASON_HEIGHT = 88

export const OrderList = memo(function OrderList(props: {
  orders: readonly OrderSummary[]
  selectedKey: string | null
  onSelect(order: OrderSummary): void
  onOpen(order: OrderSummary): void
}) {
  const { orders, selectedKey } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const estimateSize = useCallback((index: number) => (orders[index]?.latestRevision ? ROW_WITH_REASON_HEIGHT : ROW_HEIGHT), [orders])
  const virtualizer = useVirtualizer({
    count: orders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 10
  })
  const selectedIndex = selectedKey === null ? -1 : orders.findIndex((o) => orderKey(o) === selectedKey)

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  const move = (delta: number) => {
    if (orders.length === 0) return
    const next = Math.min(orders.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta))
    const order = orders[next]
    if (order) props.onSelect(order)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      Home: () => move(-orders.length),
      End: () => move(orders.length),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Enter: () => {
        const order = orders[selectedIndex]
        if (order) props.onOpen(order)
      }
    }
    const action = keys[event.key]
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      action()
    }
  }

  const now = new Date()
  const activeId = selectedIndex >= 0 ? `order-${selectedIndex}` : undefined
  return (
    <div ref={scrollRef} className="order-scroll" role="listbox" aria-label="Orders" tabIndex={0} aria-activedescendant={activeId} onKeyDown={onKeyDown}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const order = orders[item.index] as OrderSummary
          const due = describeDue(order.dueDate, now, isClosed(order.statusCode))
          const selected = item.index === selectedIndex
          const revision = order.latestRevision
          // No aria-label: a row's name is what it shows (street, city, client, product, fee, status,
          // countdown or due date, and a revision's reason), so a voice-control user can say what they see.
          return (
            <div
              key={orderKey(order)}
              id={`order-${item.index}`}
              role="option"
              aria-selected={selected}
              className={revision ? 'order-row order-row-reason' : 'order-row'}
              style={{ transform: `translateY(${item.start}px)`, height: revision ? ROW_WITH_REASON_HEIGHT : ROW_HEIGHT }}
              onClick={() => props.onSelect(order)}
              onDoubleClick={() => props.onOpen(order)}
            >
              <div className="row-main">
                <span className="row-address">{order.address.line1}</span>
                <span className="row-city">
                  {order.address.city}, {order.address.state}
                </span>
                {order.rush && <span className="tag">Rush</span>}
              </div>
              <div className="row-meta">
                <span className="row-client">{order.clientName}</span>
                <span className="row-product">{order.product}</span>
                <span className="row-fee">{formatMoney(order.fee.amount, order.fee.currency)}</span>
              </div>
              {revision && (
                <div className="row-revision">
                  {vendorStatusName(order.statusCode, order.respondBy)}: {revision.reason}
                </div>
              )}
              <div className="row-side">
                <StatusChip code={order.statusCode} respondBy={order.respondBy} />
                {/* While an answer is awaited its deadline matters more than the report's due date. */}
                {hasResponseDeadline(order) ? <ResponseDeadline order={order} /> : <span className={`due due-${due.urgency}`}>{due.label}</span>}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
})
