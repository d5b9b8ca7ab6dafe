/**
 * The window's first screen of its inbox, as main sends it before the whole inbox: every queue's
 * count per client, and the first rows of the queue in view. Ten thousand orders take the window
 * ~35 ms to read and decode before it can draw a row; a screen of them takes well under one.
 */
import { z } from 'zod'
import { SORT_KEYS } from '../inbox/order-index'
import { QueueIdSchema } from './app-schemas'
import { PathIdSchema } from './id-schema'
import { decodeOrders, OrderRowsSchema } from './order-list-wire'
import { InboxSchema, type OrderSummary } from './order-schemas'

/** The view the first screen is for, and how many of its rows. */
export const FirstScreenViewSchema = z.object({
  group: QueueIdSchema,
  sort: z.enum(SORT_KEYS),
  clientId: PathIdSchema.nullable(),
  rows: z.number().int().min(1).max(500)
})
export type FirstScreenView = z.infer<typeof FirstScreenViewSchema>

export const InboxFirstScreenWireSchema = InboxSchema.omit({ orders: true }).extend({
  view: FirstScreenViewSchema,
  /** Per queue, how many orders each client has in it (every client). */
  perClient: z.record(QueueIdSchema, z.array(z.tuple([PathIdSchema, z.number().int().positive()]))),
  /** The first rows of the view's queue, in its order; null when only the whole inbox's sort can say (a time that does not read as one). */
  orders: OrderRowsSchema.nullable()
})
export type InboxFirstScreenWire = z.infer<typeof InboxFirstScreenWireSchema>

export type InboxFirstScreen = Omit<InboxFirstScreenWire, 'orders'> & { orders: OrderSummary[] | null }

export const decodeInboxFirstScreen = (wire: InboxFirstScreenWire): InboxFirstScreen => ({ ...wire, orders: wire.orders && decodeOrders(wire.orders) })
