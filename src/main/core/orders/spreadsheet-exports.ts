/**
 * Orders and payments as CSV for a spreadsheet: columns named for the person reading them, dates as
 * dates, UTF-8 with a byte-order mark and CRLF lines (what Excel opens correctly on every OS), and no
 * cell a spreadsheet would run as a formula (a value starting with = + - @ is prefixed with ').
 */
import { stringify } from 'csv-stringify/sync'
import type { OrderDetail, OrderSummary, Payments } from '../../../shared/ipc/order-schemas'
import { statusName } from '../../../shared/order-workflow'

const BOM = '\uFEFF'
/** A spreadsheet runs a cell starting with these as a formula (CSV injection): it is written as text. */
const FORMULA_START = /^[=+\-@\t\r]/
const cell = (value: string | number | null): string | number => {
  if (value === null) return ''
  if (typeof value === 'number') return value
  return FORMULA_START.test(value) ? `'${value}` : value
}
/** The date part as written ("2026-12-11"): a due date is a calendar date (docs/platform-contract.md). */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')
/** An instant as a spreadsheet reads it, in UTC ("2026-12-08 14:00"). */
const moment = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '')

function csv(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return BOM + stringify([header as string[], ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows' })
}

export const ORDER_COLUMNS = ['Order number', 'Loan number', 'Client', 'Status', 'Street', 'City', 'State', 'ZIP', 'Product', 'Rush', 'Fee', 'Currency', 'Due date', 'Appointment (UTC)', 'Assigned (UTC)', 'Borrower'] as const

const orderRow = (o: OrderSummary) => [o.orderNumber, o.loanNumber, o.clientName, statusName(o.statusCode), o.address.line1, o.address.city, o.address.state, o.address.zip, o.product, o.rush ? 'Yes' : 'No', o.fee.amount, o.fee.currency, day(o.dueDate), moment(o.appointmentAt), moment(o.assignedAt), o.borrowerName]

export function ordersCsv(orders: readonly OrderSummary[]): string {
  return csv(ORDER_COLUMNS, orders.map(orderRow))
}

/** Rows written between two breaths of the event loop: 50,000 orders at once would hold main ~0.4 s. */
const ROWS_PER_CHUNK = 1000

/** The same text as ordersCsv, a chunk at a time: told after each chunk, which may stop it by throwing. */
export async function ordersCsvInChunks(orders: readonly OrderSummary[], afterChunk: (rowsDone: number) => Promise<void>): Promise<string> {
  const parts = [csv(ORDER_COLUMNS, [])]
  for (let start = 0; start < orders.length; start += ROWS_PER_CHUNK) {
    const chunk = orders.slice(start, start + ROWS_PER_CHUNK)
    parts.push(stringify(chunk.map((o) => orderRow(o).map(cell)), { record_delimiter: 'windows' }))
    await afterChunk(start + chunk.length)
  }
  return parts.join('')
}

export const PAYMENT_COLUMNS = ['Client', 'Order number', 'Property', 'Invoice number', 'Invoiced', 'Amount', 'Currency', 'Status', 'Paid'] as const

export function paymentsCsv(items: Payments['items']): string {
  return csv(
    PAYMENT_COLUMNS,
    items.map((p) => [p.clientName, p.orderNumber, p.property, p.invoiceNumber, day(p.invoicedAt), p.amount, p.currency, p.status === 'paid' ? 'Paid' : 'Unpaid', day(p.paidAt)])
  )
}

export const HISTORY_COLUMNS = ['When (UTC)', 'What', 'Status', 'By', 'Role', 'Channel', 'Reason'] as const

/** The vendor-visible history of one order, oldest first: what a workfile keeps. */
export function historyCsv(order: OrderDetail): string {
  const oldestFirst = [...order.history].reverse()
  return csv(HISTORY_COLUMNS, oldestFirst.map((h) => [moment(h.at), h.action, h.statusCode === null ? '' : statusName(h.statusCode), h.actorName, h.actorRole, h.channel, h.reason]))
}

export const SUBMISSION_COLUMNS = ['Version', 'Status', 'Submitted (UTC)', 'File', 'Bytes', 'Type'] as const

/** Every report version submitted, file by file. */
export function submissionsCsv(order: OrderDetail): string {
  return csv(SUBMISSION_COLUMNS, order.submissions.flatMap((s) => s.files.map((f) => [s.version, s.status, moment(s.submittedAt), f.name, f.size, f.contentType])))
}
