/** The platform's wire shapes (zod): tokens, account, orders, history, submissions, payments, errors. */
import { z } from 'zod'

/**
 * Wire shapes of the OmniValVMS API as this app assumes them. The platform does not publish
 * payload shapes: every schema here is ASSUMED (see docs/platform-contract.md). Objects are
 * parsed leniently: unknown fields are ignored, so additions on the platform side do not break us.
 */

export const TokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  tokenType: z.string().optional(),
  /** Access token lifetime in seconds. */
  expiresIn: z.number().positive()
})
export type TokenResponse = z.infer<typeof TokenResponseSchema>

export const SignInRequestSchema = z.object({ email: z.string(), password: z.string() })
export const RefreshRequestSchema = z.object({ refreshToken: z.string() })
export const SignOutRequestSchema = z.object({ refreshToken: z.string() })
export const ForgotPasswordRequestSchema = z.object({ email: z.string() })
export const ForgotPasswordResponseSchema = z.object({ message: z.string() })
export const ResetPasswordRequestSchema = z.object({
  email: z.string(),
  code: z.string(),
  newPassword: z.string()
})

export const PlatformUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string()
})

export const MeResponseSchema = z.object({
  user: PlatformUserSchema,
  clients: z.array(z.object({ id: z.string(), name: z.string() }))
})
export type MeResponse = z.infer<typeof MeResponseSchema>

const PlatformAddressSchema = z.object({
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  county: z.string().nullish()
})

export const PlatformOrderSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  loanId: z.string(),
  orderNumber: z.string(),
  loanNumber: z.string(),
  /** Numeric status code, as the docs say statuses are used throughout the API. */
  status: z.number().int(),
  product: z.string(),
  fee: z.number(),
  currency: z.string().default('USD'),
  dueDate: z.string(),
  rush: z.boolean().default(false),
  propertyAddress: PlatformAddressSchema,
  borrowerName: z.string(),
  assignedAt: z.string(),
  updatedAt: z.string(),
  /** ASSUMED: by when the vendor must answer an assignment (status 1); after it the order goes back for reassignment. */
  respondBy: z.string().nullish(),
  /** ASSUMED: the list carries the open revision request, so the inbox can show it without a call per order. */
  latestRevision: z.object({ type: z.string(), reason: z.string(), requestedAt: z.string() }).nullish(),
  /** ASSUMED: the list carries the inspection's appointment, so a day's inspections show without a call per order. */
  appointmentAt: z.string().nullish()
})
export type PlatformOrder = z.infer<typeof PlatformOrderSchema>

export const PlatformOrderPageSchema = z.object({
  items: z.array(PlatformOrderSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int()
})
export type PlatformOrderPage = z.infer<typeof PlatformOrderPageSchema>

export const PlatformOrderDetailSchema = PlatformOrderSchema.extend({
  loanType: z.string(),
  loanPurpose: z.string(),
  fhaCaseNumber: z.string().nullish(),
  property: z.object({
    type: z.string(),
    yearBuilt: z.number().nullish(),
    livingAreaSqFt: z.number().nullish(),
    bedrooms: z.number().nullish(),
    bathrooms: z.number().nullish()
  }),
  contacts: z.array(
    z.object({
      role: z.string(),
      name: z.string(),
      phone: z.string().nullish(),
      email: z.string().nullish()
    })
  ),
  instructions: z.string().default(''),
  negotiation: z.lazy(() => NegotiationSchema).nullish(),
  inspection: z
    .object({ scheduledAt: z.string().nullish(), completedAt: z.string().nullish() })
    .nullish()
})
export type PlatformOrderDetail = z.infer<typeof PlatformOrderDetailSchema>

/** One audit record: who, what, when, where (channel), why (reason). */
export const PlatformHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  status: z.number().int().nullish(),
  previousStatus: z.number().int().nullish(),
  actor: z.object({ name: z.string(), role: z.string() }),
  channel: z.string().nullish(),
  reason: z.string().nullish(),
  /** ASSUMED: what the change set (the inputs a vendor action carried, e.g. the appointment time). */
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullish()
})
export type PlatformHistoryEntry = z.infer<typeof PlatformHistoryEntrySchema>

export const PlatformHistoryResponseSchema = z.object({ items: z.array(PlatformHistoryEntrySchema) })

/** The error body is not documented and varies; these are the places we look for a message. */
export const PlatformErrorBodySchema = z
  .object({
    error: z
      .union([
        z.string(),
        z.object({ code: z.string().optional(), message: z.string().optional() }).loose()
      ])
      .optional(),
    message: z.string().optional(),
    title: z.string().optional(),
    correlationId: z.string().optional()
  })
  .loose()

// ── Work on an order (issue 3). All ASSUMED; see docs/platform-contract.md. ──

export const NegotiationSchema = z.object({
  state: z.enum(['awaiting_client', 'client_countered', 'agreed']),
  vendorProposal: z.object({
    requestType: z.string(),
    fee: z.number().nullable(),
    dueDate: z.string().nullable(),
    explanation: z.string()
  }),
  clientCounter: z.object({ fee: z.number().nullable(), dueDate: z.string().nullable(), note: z.string() }).nullable()
})
export type Negotiation = z.infer<typeof NegotiationSchema>

/** "The order status endpoint": the target status and what that transition needs (from the action table). */
export { StatusUpdateRequestSchema, type StatusUpdateRequest } from '../shared/workflow/vendor-actions'

export const InspectionSlotsResponseSchema = z.object({
  items: z.array(z.object({ id: z.string(), start: z.string(), end: z.string() }))
})

export const SubmissionFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  sha256: z.string().nullish(),
  uploaded: z.boolean().default(false)
})

export const SubmissionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  createdAt: z.string(),
  submittedAt: z.string().nullish(),
  files: z.array(SubmissionFileSchema)
})
export type Submission = z.infer<typeof SubmissionSchema>

export const CreateSubmissionRequestSchema = z.object({
  files: z.array(z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0), contentType: z.string() })).min(1).max(10)
})
export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) })
export const FileReceiptSchema = z.object({ size: z.number(), sha256: z.string() })

export const RevisionSchema = z.object({
  id: z.string(),
  /** ASSUMED: what is asked for again — a revision (QC's or the client's) or a reconsideration of value (ROV). */
  kind: z.enum(['revision', 'rov']).optional(),
  type: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  source: z.enum(['qc', 'client', 'borrower']),
  answeredBySubmissionId: z.string().nullish()
})
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) })

export const DocumentListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), sharedAt: z.string() }))
})

export const VendorPaymentListSchema = z.object({
  items: z.array(
    z.object({
      orderId: z.string(),
      loanId: z.string(),
      orderNumber: z.string(),
      amount: z.number(),
      currency: z.string().default('USD'),
      status: z.enum(['paid', 'unpaid']),
      invoiceNumber: z.string(),
      invoicedAt: z.string(),
      paidAt: z.string().nullish()
    })
  )
})
