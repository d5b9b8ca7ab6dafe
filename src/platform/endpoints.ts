/** Every OmniValVMS endpoint the app calls, declared once: method, path, schemas, documented or assumed. */
import { z } from 'zod'
import {
  CreateSubmissionRequestSchema,
  DocumentListSchema,
  FileReceiptSchema,
  InspectionSlotsResponseSchema,
  RevisionListSchema,
  StatusUpdateRequestSchema,
  SubmissionListSchema,
  SubmissionSchema,
  VendorPaymentListSchema,
  ForgotPasswordRequestSchema,
  ForgotPasswordResponseSchema,
  MeResponseSchema,
  PlatformHistoryResponseSchema,
  PlatformOrderDetailSchema,
  PlatformOrderPageSchema,
  RefreshRequestSchema,
  ResetPasswordRequestSchema,
  SignInRequestSchema,
  SignOutRequestSchema,
  TokenResponseSchema
} from './schemas'

/**
 * Every OmniValVMS endpoint the app calls, declared once. `documented: true` means the path is
 * printed verbatim in the platform's public docs; everything else is ASSUMED from the documented
 * conventions (/api/ prefix, client data under /api/clients/{clientId}, orders under
 * /loans/{loanId}/orders/{orderId}, kebab-case action verbs). Mapping to the real API reference is
 * an edit of this file (and docs/platform-contract.md).
 *
 * `auth`: 'bearer' sends the access token; 'none' does not.
 * `idempotent`: safe to replay once after a token refresh (the platform's rule for reads).
 */
export interface EndpointDef<
  Path extends string = string,
  Req extends z.ZodType | null = z.ZodType | null,
  Res extends z.ZodType | null = z.ZodType | null
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: Path
  /** 'binary': the request body is raw bytes (streamed), the response is JSON. 'download': the response is raw bytes. */
  transfer?: 'binary' | 'download'
  documented: boolean
  auth: 'bearer' | 'none'
  idempotent: boolean
  request: Req
  response: Res
  query?: z.ZodObject
  /** ASSUMED: answers carry an ETag and honour If-None-Match with 304 Not Modified. */
  conditional?: boolean
  /** ASSUMED: a vendor's route; any other role is answered 403 (docs: authorization by role on every endpoint). */
  vendorOnly?: boolean
}

const define = <const D extends EndpointDef>(def: D): D => def

export const ORDERS_PAGE_SIZE_MAX = 500

export const endpoints = {
  signIn: define({
    method: 'POST',
    path: '/api/auth/sign-in',
    documented: false,
    auth: 'none',
    idempotent: false,
    request: SignInRequestSchema,
    response: TokenResponseSchema
  }),
  refreshToken: define({
    method: 'POST',
    path: '/api/auth/refresh-token',
    documented: false,
    auth: 'none',
    idempotent: false,
    request: RefreshRequestSchema,
    response: TokenResponseSchema
  }),
  signOut: define({
    method: 'POST',
    path: '/api/auth/sign-out',
    documented: false,
    auth: 'none',
    idempotent: true,
    request: SignOutRequestSchema,
    response: null
  }),
  forgotPassword: define({
    method: 'POST',
    path: '/api/auth/forgot-password',
    documented: false,
    auth: 'none',
    idempotent: false,
    request: ForgotPasswordRequestSchema,
    response: ForgotPasswordResponseSchema
  }),
  resetPassword: define({
    method: 'POST',
    path: '/api/auth/reset-password',
    documented: false,
    auth: 'none',
    idempotent: false,
    request: ResetPasswordRequestSchema,
    response: null
  }),
  me: define({
    method: 'GET',
    path: '/api/me',
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: MeResponseSchema
  }),
  listClientOrders: define({
    method: 'GET',
    path: '/api/clients/{clientId}/orders',
    documented: true,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: PlatformOrderPageSchema,
    conditional: true,
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(ORDERS_PAGE_SIZE_MAX).default(100)
    })
  }),
  getOrder: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}',
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: PlatformOrderDetailSchema
  }),
  getVendorHistory: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/vendor-history',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: PlatformHistoryResponseSchema
  }),
  updateOrderStatus: define({
    method: 'POST',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/status',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: false,
    request: StatusUpdateRequestSchema,
    response: PlatformOrderDetailSchema
  }),
  listInspectionSlots: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/inspection-slots',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: InspectionSlotsResponseSchema
  }),
  listSubmissions: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/submissions',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: SubmissionListSchema
  }),
  createSubmission: define({
    method: 'POST',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/submissions',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: false,
    request: CreateSubmissionRequestSchema,
    response: SubmissionSchema
  }),
  uploadSubmissionFile: define({
    method: 'PUT',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/submissions/{submissionId}/files/{fileId}',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    // Putting the same bytes again is harmless.
    idempotent: true,
    transfer: 'binary',
    request: null,
    response: FileReceiptSchema
  }),
  submitSubmission: define({
    method: 'POST',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/submissions/{submissionId}/submit',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: false,
    request: null,
    response: PlatformOrderDetailSchema
  }),
  listRevisions: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/revisions',
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: RevisionListSchema
  }),
  listDocuments: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/documents',
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: DocumentListSchema
  }),
  downloadDocument: define({
    method: 'GET',
    path: '/api/clients/{clientId}/loans/{loanId}/orders/{orderId}/documents/{documentId}/content',
    documented: false,
    auth: 'bearer',
    idempotent: true,
    transfer: 'download',
    request: null,
    response: null
  }),
  listVendorPayments: define({
    method: 'GET',
    path: '/api/clients/{clientId}/vendor-payments',
    vendorOnly: true,
    documented: false,
    auth: 'bearer',
    idempotent: true,
    request: null,
    response: VendorPaymentListSchema
  })
} as const

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never

export type PathParams<N extends EndpointName> = {
  [K in PathParamNames<Endpoints[N]['path']>]: string
}

export type RequestBody<N extends EndpointName> = Endpoints[N]['request'] extends z.ZodType
  ? z.input<Endpoints[N]['request']>
  : undefined

export type ResponseBody<N extends EndpointName> = Endpoints[N]['response'] extends z.ZodType
  ? z.infer<Endpoints[N]['response']>
  : null

/**
 * Fills `{name}` placeholders, percent-encoding each value — dots included, so that "." and ".."
 * can never become path segments a URL parser would resolve — so an id can never change the path.
 */
export function buildPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') throw new Error(`Missing path parameter ${name}`)
    return encodeURIComponent(value).replace(/\./g, '%2E')
  })
}

/** The same template in the `:name` form routers use. */
export function routePattern(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1')
}
