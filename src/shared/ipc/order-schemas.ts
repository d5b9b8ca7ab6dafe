import { z } from 'zod'

const id = z.string().min(1).max(128)

export const OrderRefSchema = z.object({ clientId: id, loanId: id, orderId: id })
export type OrderRef = z.infer<typeof OrderRefSchema>

export const MoneySchema = z.object({ amount: z.number(), currency: z.string() })

export const AddressSchema = z.object({
  line1: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string()
})

export const OrderSummarySchema = OrderRefSchema.extend({
  clientName: z.string(),
  orderNumber: z.string(),
  loanNumber: z.string(),
  statusCode: z.number().int(),
  product: z.string(),
  fee: MoneySchema,
  dueDate: z.string(),
  rush: z.boolean(),
  address: AddressSchema,
  borrowerName: z.string(),
  assignedAt: z.string(),
  updatedAt: z.string()
})
export type OrderSummary = z.infer<typeof OrderSummarySchema>

export const ContactSchema = z.object({
  role: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable()
})
export type Contact = z.infer<typeof ContactSchema>

export const HistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  previousStatusCode: z.number().int().nullable(),
  action: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  channel: z.string().nullable(),
  reason: z.string().nullable()
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

export const OrderDetailSchema = OrderSummarySchema.extend({
  loan: z.object({
    type: z.string(),
    purpose: z.string(),
    fhaCaseNumber: z.string().nullable()
  }),
  property: z.object({
    type: z.string(),
    county: z.string().nullable(),
    yearBuilt: z.number().nullable(),
    livingAreaSqFt: z.number().nullable(),
    bedrooms: z.number().nullable(),
    bathrooms: z.number().nullable()
  }),
  contacts: z.array(ContactSchema),
  instructions: z.string(),
  history: z.array(HistoryEntrySchema)
})
export type OrderDetail = z.infer<typeof OrderDetailSchema>

export const ClientSummarySchema = z.object({ id, name: z.string() })
export type ClientSummary = z.infer<typeof ClientSummarySchema>

export const InboxSchema = z.object({
  orders: z.array(OrderSummarySchema),
  clients: z.array(ClientSummarySchema),
  /** Clients whose orders could not be loaded this time; the rest are still shown. */
  failures: z.array(z.object({ clientId: id, clientName: z.string(), message: z.string() })),
  fetchedAt: z.string()
})
export type Inbox = z.infer<typeof InboxSchema>
