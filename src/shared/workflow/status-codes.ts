/**
 * OmniValVMS order statuses. Codes and names are from the platform's public docs
 * (Order lifecycle & state machine); codes 5 and 19 do not exist.
 */
export const ORDER_STATUS = {
  OrderAssigned: 1,
  OrderDeclined: 2,
  OrderAccepted: 3,
  AcceptedWithConditions: 4,
  OrderCompleted: 6,
  Rejected: 7,
  Cancelled: 8,
  OnHold: 9,
  InProgress: 10,
  ReportSubmitted: 11,
  RevisionRequested: 12,
  ReportAccepted: 13,
  InspectionScheduled: 14,
  InspectionCompleted: 15,
  OrderUnassigned: 16,
  RovBorrower: 17,
  RovClient: 18,
  RevisionRequestedByClient: 20
} as const

export type OrderStatusCode = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS]

export const ORDER_STATUS_CODES = Object.values(ORDER_STATUS) as readonly OrderStatusCode[]

const STATUS_NAMES: Record<OrderStatusCode, string> = {
  1: 'Order Assigned',
  2: 'Order Declined',
  3: 'Order Accepted',
  4: 'Accepted with Conditions',
  6: 'Order Completed',
  7: 'Rejected',
  8: 'Cancelled',
  9: 'On Hold',
  10: 'In Progress',
  11: 'Report Submitted',
  12: 'Revision Requested',
  13: 'Report Accepted',
  14: 'Inspection Scheduled',
  15: 'Inspection Completed',
  16: 'Order Unassigned',
  17: 'ROV — Borrower',
  18: 'ROV — Client',
  20: 'Revision Requested by Client'
}

export function isOrderStatusCode(value: number): value is OrderStatusCode {
  return (ORDER_STATUS_CODES as readonly number[]).includes(value)
}

/** A name for any code, including ones a newer platform may add. */
export function statusName(code: number): string {
  return isOrderStatusCode(code) ? STATUS_NAMES[code] : `Status ${code}`
}

/**
 * The status as the appraiser reads it in lists and on the order. The docs' names, except where the
 * vendor's view differs: an order back at 16 left this vendor's work — declined by them, or taken
 * away because its response time ran out (it still carries that deadline; an answered one does not).
 */
export function vendorStatusName(code: number, respondBy: string | null = null): string {
  if (code !== ORDER_STATUS.OrderUnassigned) return statusName(code)
  return respondBy ? 'Reassigned — no response in time' : 'Declined — returned for reassignment'
}
