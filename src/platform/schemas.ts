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
  updatedAt: z.string()
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
  instructions: z.string().default('')
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
  reason: z.string().nullish()
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
