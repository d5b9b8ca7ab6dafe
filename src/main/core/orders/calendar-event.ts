/** A scheduled inspection as an .ics calendar event. */
import { createEvent } from 'ics'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'

export const INSPECTION_MINUTES = 60

/**
 * A scheduled inspection as an .ics event: the address, the time, the order number and the
 * borrower's contact (the appraiser calls them on the way). Saved only where the user picks.
 */
export function inspectionEvent(order: OrderDetail): string {
  const at = order.inspection.scheduledAt
  if (!at) throw new AppError('invalid_input', 'This order has no inspection scheduled.')
  const address = `${order.address.line1}, ${order.address.city}, ${order.address.state} ${order.address.zip}`
  const borrower = order.contacts.find((c) => c.role === 'Borrower')
  const lines = [
    `Order ${order.orderNumber} for ${order.clientName}`,
    `${order.product}${order.loan.fhaCaseNumber ? ` · FHA case ${order.loan.fhaCaseNumber}` : ''}`,
    borrower ? `Borrower: ${borrower.name}${borrower.phone ? `, ${borrower.phone}` : ''}${borrower.email ? `, ${borrower.email}` : ''}` : null,
    order.instructions ? `Instructions: ${order.instructions}` : null
  ].filter((line): line is string => line !== null)
  const { error, value } = createEvent({
    uid: `${order.orderId}-inspection@omnivms-desktop`,
    start: Date.parse(at),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: INSPECTION_MINUTES },
    title: `Inspection — ${order.address.line1}`,
    location: address,
    description: lines.join('\n'),
    productId: 'omnivms-desktop'
  })
  if (error || !value) throw new AppError('internal', "The calendar event couldn't be made.")
  return value
}
