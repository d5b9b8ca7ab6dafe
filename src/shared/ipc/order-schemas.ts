/** The IPC shapes of orders: summaries, details, the inbox and its changes, actions, uploads, payments, drafts. */
import { z } from 'zod'
import { PathIdSchema } from './id-schema'

const id = PathIdSchema

export const OrderRefSchema = z.object({ clientId: id, loanId: id, orderId: id })
export type OrderRef = z.infer<typeof OrderRefSchema>
/** An order's identity as one string (client, loan, order): for maps and comparisons, never sent anywhere. */
export const orderKey = (o: OrderRef) => `${o.clientId}/${o.loanId}/${o.orderId}`

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
  updatedAt: z.string(),
  /** By when an assignment must be answered (status 1), else it goes back for reassignment. */
  respondBy: z.string().nullable(),
  /** The open revision request of an order in 12/20. */
  latestRevision: z.object({ type: z.string(), reason: z.string(), requestedAt: z.string() }).nullable(),
  /** The inspection's appointment (an instant at the property), while one is set. Copies saved before it was listed read as none. */
  appointmentAt: z.string().nullable().default(null)
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
  reason: z.string().nullable(),
  /** What the change set, as the platform recorded it (e.g. the appointment time). */
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable().default(null)
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
  history: z.array(HistoryEntrySchema),
  negotiation: z
    .object({
      state: z.enum(['awaiting_client', 'client_countered', 'agreed']),
      vendorProposal: z.object({ requestType: z.string(), fee: z.number().nullable(), dueDate: z.string().nullable(), explanation: z.string() }),
      clientCounter: z.object({ fee: z.number().nullable(), dueDate: z.string().nullable(), note: z.string() }).nullable()
    })
    .nullable(),
  inspection: z.object({ scheduledAt: z.string().nullable(), completedAt: z.string().nullable() }),
  revisions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['revision', 'rov']),
      type: z.string(),
      reason: z.string(),
      requestedAt: z.string(),
      requestedBy: z.string(),
      source: z.string(),
      answered: z.boolean()
    })
  ),
  submissions: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      status: z.enum(['draft', 'submitted']),
      createdAt: z.string(),
      submittedAt: z.string().nullable(),
      files: z.array(z.object({ name: z.string(), size: z.number(), contentType: z.string() }))
    })
  ),
  documents: z.array(z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), sharedAt: z.string() })),
  /** Field actions done offline, waiting to be sent. */
  pendingActions: z.array(z.object({ id: z.string(), type: z.string(), label: z.string(), queuedAt: z.string() })).default([]),
  /** Set when this is the copy kept for working offline: when it was saved. */
  savedAt: z.string().nullable().default(null)
})
export type OrderDetail = z.infer<typeof OrderDetailSchema>

export const ClientSummarySchema = z.object({ id, name: z.string() })
export type ClientSummary = z.infer<typeof ClientSummarySchema>

/** A client whose orders could not be refreshed: its orders as last known stay, marked with when that was. */
export const ClientFailureSchema = z.object({
  clientId: id,
  clientName: z.string(),
  message: z.string(),
  /** When the orders shown for this client were last read; null when they never were. */
  showingSince: z.string().nullable().default(null)
})
export type ClientFailure = z.infer<typeof ClientFailureSchema>

export const InboxSchema = z.object({
  orders: z.array(OrderSummarySchema),
  clients: z.array(ClientSummarySchema),
  /** Clients whose orders could not be refreshed this time; the rest are current. */
  failures: z.array(ClientFailureSchema),
  fetchedAt: z.string(),
  /** Set while the platform can't be reached: the orders are the copy saved then. */
  offlineSince: z.string().nullable().default(null)
})
export type Inbox = z.infer<typeof InboxSchema>

/** What changed in the inbox since the renderer last heard: only the orders that did. */
export const InboxChangesSchema = z.object({
  added: z.array(OrderSummarySchema),
  changed: z.array(OrderSummarySchema),
  removed: z.array(OrderRefSchema),
  /** The clients and the ones that failed, as of this sync (short lists, sent whole). */
  clients: z.array(ClientSummarySchema),
  failures: z.array(ClientFailureSchema),
  fetchedAt: z.string(),
  offlineSince: z.string().nullable().default(null)
})
export type InboxChanges = z.infer<typeof InboxChangesSchema>

export { OrderActionSchema, type OrderAction } from '../workflow/vendor-actions'

export const OrderActionResultSchema = z.object({
  order: OrderDetailSchema,
  /** True when the outcome was unclear (dropped response, expired token) and was confirmed from the order's history. */
  confirmedFromHistory: z.boolean(),
  /** Done offline: waiting to be sent when the network returns. */
  queued: z.boolean().default(false)
})

export const InspectionSlotSchema = z.object({ id: z.string(), start: z.string(), end: z.string() })

export const FileCheckSchema = z.object({ level: z.enum(['ok', 'warning', 'error']), message: z.string() })
export const PickedFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number(),
  kind: z.enum(['pdf', 'xml', 'other']),
  checks: z.array(FileCheckSchema)
})
export type PickedFile = z.infer<typeof PickedFileSchema>

export const UploadProgressSchema = z.object({
  uploadId: z.string(),
  phase: z.enum(['preparing', 'uploading', 'submitting', 'done']),
  fileName: z.string().nullable(),
  sentBytes: z.number(),
  totalBytes: z.number()
})
export type UploadProgress = z.infer<typeof UploadProgressSchema>

/** Names one export or workfile save, so its progress can be shown and the save cancelled. */
export const SaveIdSchema = z.string().regex(/^[\w-]{8,64}$/)

/** How far a long save has got: `done` of `total` (rows, files), and what it is doing now. */
export const SaveProgressSchema = z.object({
  saveId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  unit: z.enum(['rows', 'files']),
  step: z.string().max(300)
})
export type SaveProgress = z.infer<typeof SaveProgressSchema>

export const PaymentsSchema = z.object({
  clients: z.array(z.object({ clientId: z.string(), clientName: z.string(), currency: z.string(), paid: z.number(), unpaid: z.number() })),
  items: z.array(
    z.object({
      clientId: z.string(),
      clientName: z.string(),
      loanId: z.string(),
      orderId: z.string(),
      orderNumber: z.string(),
      amount: z.number(),
      currency: z.string(),
      status: z.enum(['paid', 'unpaid']),
      invoiceNumber: z.string(),
      invoicedAt: z.string(),
      paidAt: z.string().nullable(),
      /** The order's property ("12 Oak St, Madison, WI"), from the inbox main holds; null for an order it does not hold. */
      property: z.string().nullable().default(null)
    })
  ),
  failures: z.array(z.object({ clientName: z.string(), message: z.string() }))
})
export type Payments = z.infer<typeof PaymentsSchema>

/** Which payments a view shows (and an export writes): one client's or all, unpaid, paid or both. */
export const PaymentsFilterSchema = z.object({
  clientId: z.string().max(200).nullable().default(null),
  status: z.enum(['paid', 'unpaid']).nullable().default(null)
})
export type PaymentsFilter = z.infer<typeof PaymentsFilterSchema>

/** Form text kept until it is sent or discarded; a flat map of field → text. */
export const DraftKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w:./-]+$/)
  .refine((key) => key !== '.' && key !== '..', 'This draft key is not valid')
export const MAX_DRAFT_FIELDS = 20
export const MAX_DRAFT_BYTES = 64 * 1024
// A field named __proto__ cannot survive being an object's key (zod's record drops it): it is refused, not lost.
export const DraftValueSchema = z
  .unknown()
  .refine((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')), 'A draft field cannot be named __proto__')
  .pipe(z.record(z.string().max(64), z.string().max(20_000)))
  .refine((value) => Object.keys(value).length <= MAX_DRAFT_FIELDS, `A draft has at most ${MAX_DRAFT_FIELDS} fields`)
  .refine((value) => JSON.stringify(value).length <= MAX_DRAFT_BYTES, 'This draft is too long to keep')
