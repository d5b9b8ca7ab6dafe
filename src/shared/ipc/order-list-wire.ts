/** The inbox in its compact IPC form, and back. */
import { z } from 'zod'
import { PathIdSchema } from './id-schema'
import { InboxChangesSchema, InboxSchema, OrderRefSchema, type Inbox, type InboxChanges, type OrderSummary } from './order-schemas'

/**
 * The inbox as it crosses IPC: each order a fixed-order row (no repeated field names, the client as
 * an index into a short list) — ten thousand orders in about 2.3 MB instead of 5. Values many orders
 * share (product, currency, city, state, zip) travel once, in a list of words the rows point into:
 * the window then holds one string for each, not one per order, and at 50,000 orders its first load
 * (parse to queues, in Chromium) went from ~300 ms to ~250, most of it fewer strings to collect.
 * Times travel as the ISO text the renderer uses: turning epoch numbers back into text cost the
 * window's first paint more (60 ms of 160 at 10,000 orders, most of it collecting the new strings)
 * than the 0.4 MB they saved.
 * The bridge turns it back into `Inbox` / `InboxChanges` before the renderer sees it.
 */

const RevisionSchema = z.object({ type: z.string(), reason: z.string(), requestedAt: z.string() }).nullable()

const RowSchema = z.tuple([
  z.number().int().nonnegative(), // client index
  PathIdSchema, // loanId
  PathIdSchema, // orderId
  z.string(), // orderNumber
  z.string(), // loanNumber
  z.number().int(), // statusCode
  z.number().int().nonnegative(), // product (a word)
  z.number(), // fee amount
  z.number().int().nonnegative(), // fee currency (a word)
  z.string(), // dueDate
  z.boolean(), // rush
  z.string(), // address line1
  z.number().int().nonnegative(), // city (a word)
  z.number().int().nonnegative(), // state (a word)
  z.number().int().nonnegative(), // zip (a word)
  z.string(), // borrowerName
  z.string(), // assignedAt
  z.string(), // updatedAt
  z.string().nullable(), // respondBy
  RevisionSchema, // latestRevision
  z.string().nullable() // appointmentAt
])
type Row = z.infer<typeof RowSchema>

export const OrderRowsSchema = z.object({
  /** [clientId, clientName] for the rows' client indexes. */
  clients: z.array(z.tuple([PathIdSchema, z.string()])),
  /** The values the rows' word fields point into. */
  words: z.array(z.string()),
  rows: z.array(RowSchema)
})
type OrderRows = z.infer<typeof OrderRowsSchema>

/** Distinct entries in the order first met, each found by its key: a row sends an entry's place in the list. */
class PlaceList<T> {
  readonly entries: T[] = []
  private readonly places = new Map<string, number>()

  placeOf(key: string, entry: T): number {
    let at = this.places.get(key)
    if (at === undefined) {
      at = this.entries.push(entry) - 1
      this.places.set(key, at)
    }
    return at
  }
}

export function encodeOrders(orders: readonly OrderSummary[]): OrderRows {
  const clients = new PlaceList<[string, string]>()
  const words = new PlaceList<string>()
  const word = (value: string) => words.placeOf(value, value)
  const rows = orders.map((o): Row => {
    const client = clients.placeOf(o.clientId, [o.clientId, o.clientName])
    const { address: a } = o
    return [client, o.loanId, o.orderId, o.orderNumber, o.loanNumber, o.statusCode, word(o.product), o.fee.amount, word(o.fee.currency), o.dueDate, o.rush, a.line1, word(a.city), word(a.state), word(a.zip), o.borrowerName, o.assignedAt, o.updatedAt, o.respondBy, o.latestRevision, o.appointmentAt]
  })
  return { clients: clients.entries, words: words.entries, rows }
}

export function decodeOrders({ clients, words, rows }: OrderRows): OrderSummary[] {
  // Indexed reads, not array destructuring: destructuring goes through the iterator protocol, and
  // this runs once per order on the window's first load, before the code is optimized.
  const orders = new Array<OrderSummary>(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row
    const client = clients[row[0]]
    orders[i] = {
      clientId: client ? client[0] : '',
      loanId: row[1],
      orderId: row[2],
      clientName: client ? client[1] : '',
      orderNumber: row[3],
      loanNumber: row[4],
      statusCode: row[5],
      product: words[row[6]] ?? '',
      fee: { amount: row[7], currency: words[row[8]] ?? '' },
      dueDate: row[9],
      rush: row[10],
      address: { line1: row[11], city: words[row[12]] ?? '', state: words[row[13]] ?? '', zip: words[row[14]] ?? '' },
      borrowerName: row[15],
      assignedAt: row[16],
      updatedAt: row[17],
      respondBy: row[18],
      latestRevision: row[19],
      appointmentAt: row[20]
    }
  }
  return orders
}

export const InboxWireSchema = InboxSchema.extend({ orders: OrderRowsSchema })
export type InboxWire = z.infer<typeof InboxWireSchema>
export const InboxChangesWireSchema = InboxChangesSchema.extend({ added: OrderRowsSchema, changed: OrderRowsSchema, removed: z.array(OrderRefSchema) })
export type InboxChangesWire = z.infer<typeof InboxChangesWireSchema>

export const encodeInbox = (inbox: Inbox): InboxWire => ({ ...inbox, orders: encodeOrders(inbox.orders) })
export const decodeInbox = (wire: InboxWire): Inbox => ({ ...wire, orders: decodeOrders(wire.orders) })
export const encodeInboxChanges = (changes: InboxChanges): InboxChangesWire => ({ ...changes, added: encodeOrders(changes.added), changed: encodeOrders(changes.changed) })
export const decodeInboxChanges = (wire: InboxChangesWire): InboxChanges => ({ ...wire, added: decodeOrders(wire.added), changed: decodeOrders(wire.changed) })
