/** The inbox in its compact IPC form, and back. */
import { z } from 'zod'
import { isoFromEpoch } from '../time/iso-from-epoch'
import { PathIdSchema } from './id-schema'
import { InboxChangesSchema, InboxSchema, OrderRefSchema, type Inbox, type InboxChanges, type OrderSummary } from './order-schemas'

/**
 * The inbox as it crosses IPC: each order a fixed-order row (no repeated field names, times as epoch
 * milliseconds, the client as an index into a short list) — ten thousand orders in about 2 MB instead
 * of 5. The bridge turns it back into `Inbox` / `InboxChanges` before the renderer sees it.
 */

/** A time as epoch ms when that gives back the same ISO text, else the text itself (lossless). */
const TimeSchema = z.union([z.number(), z.string()])
const encodeTime = (iso: string): number | string => {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : iso
}
const decodeTime = (value: number | string): string => (typeof value === 'number' ? isoFromEpoch(value) : value)

const RevisionSchema = z.object({ type: z.string(), reason: z.string(), requestedAt: z.string() }).nullable()

const RowSchema = z.tuple([
  z.number().int().nonnegative(), // client index
  PathIdSchema, // loanId
  PathIdSchema, // orderId
  z.string(), // orderNumber
  z.string(), // loanNumber
  z.number().int(), // statusCode
  z.string(), // product
  z.number(), // fee amount
  z.string(), // fee currency
  TimeSchema, // dueDate
  z.boolean(), // rush
  z.string(), // address line1
  z.string(), // city
  z.string(), // state
  z.string(), // zip
  z.string(), // borrowerName
  TimeSchema, // assignedAt
  TimeSchema, // updatedAt
  TimeSchema.nullable(), // respondBy
  RevisionSchema // latestRevision
])
type Row = z.infer<typeof RowSchema>

export const OrderRowsSchema = z.object({
  /** [clientId, clientName] for the rows' client indexes. */
  clients: z.array(z.tuple([PathIdSchema, z.string()])),
  rows: z.array(RowSchema)
})
type OrderRows = z.infer<typeof OrderRowsSchema>

export function encodeOrders(orders: readonly OrderSummary[]): OrderRows {
  const clients: [string, string][] = []
  const indexOf = new Map<string, number>()
  const rows = orders.map((o): Row => {
    let client = indexOf.get(o.clientId)
    if (client === undefined) {
      client = clients.push([o.clientId, o.clientName]) - 1
      indexOf.set(o.clientId, client)
    }
    const { address: a } = o
    return [client, o.loanId, o.orderId, o.orderNumber, o.loanNumber, o.statusCode, o.product, o.fee.amount, o.fee.currency, encodeTime(o.dueDate), o.rush, a.line1, a.city, a.state, a.zip, o.borrowerName, encodeTime(o.assignedAt), encodeTime(o.updatedAt), o.respondBy === null ? null : encodeTime(o.respondBy), o.latestRevision]
  })
  return { clients, rows }
}

export function decodeOrders({ clients, rows }: OrderRows): OrderSummary[] {
  return rows.map(([client, loanId, orderId, orderNumber, loanNumber, statusCode, product, amount, currency, due, rush, line1, city, state, zip, borrowerName, assigned, updated, respondBy, latestRevision]) => {
    const [clientId, clientName] = clients[client] ?? ['', '']
    return {
      clientId,
      loanId,
      orderId,
      clientName,
      orderNumber,
      loanNumber,
      statusCode,
      product,
      fee: { amount, currency },
      dueDate: decodeTime(due),
      rush,
      address: { line1, city, state, zip },
      borrowerName,
      assignedAt: decodeTime(assigned),
      updatedAt: decodeTime(updated),
      respondBy: respondBy === null ? null : decodeTime(respondBy),
      latestRevision
    }
  })
}

export const InboxWireSchema = InboxSchema.extend({ orders: OrderRowsSchema })
export type InboxWire = z.infer<typeof InboxWireSchema>
export const InboxChangesWireSchema = InboxChangesSchema.extend({ added: OrderRowsSchema, changed: OrderRowsSchema, removed: z.array(OrderRefSchema) })
export type InboxChangesWire = z.infer<typeof InboxChangesWireSchema>

export const encodeInbox = (inbox: Inbox): InboxWire => ({ ...inbox, orders: encodeOrders(inbox.orders) })
export const decodeInbox = (wire: InboxWire): Inbox => ({ ...wire, orders: decodeOrders(wire.orders) })
export const encodeInboxChanges = (changes: InboxChanges): InboxChangesWire => ({ ...changes, added: encodeOrders(changes.added), changed: encodeOrders(changes.changed) })
export const decodeInboxChanges = (wire: InboxChangesWire): InboxChanges => ({ ...wire, added: decodeOrders(wire.added), changed: decodeOrders(wire.changed) })
