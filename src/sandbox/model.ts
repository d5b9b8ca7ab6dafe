/** The sandbox's data: clients, users, orders, history, tokens (as hashes), submissions, payments. */
import type { PlatformHistoryEntry, PlatformOrderDetail } from '../platform/schemas'

export interface SandboxClient {
  id: string
  name: string
  /** How long this client gives a vendor to answer an assignment. */
  responseTimeMinutes?: number
}

export interface SandboxUser {
  id: string
  email: string
  name: string
  /** The docs' role names. */
  role: 'Vendor' | 'Client User'
  passwordSalt: string
  passwordHash: string
  clientIds: string[]
}

export interface SandboxOrder extends PlatformOrderDetail {
  vendorId: string
  /** Where an order on hold returns to. */
  statusBeforeHold?: number | null
}

export interface SandboxSubmission {
  id: string
  orderId: string
  version: number
  status: 'draft' | 'submitted'
  createdAt: string
  submittedAt: string | null
  files: { id: string; name: string; size: number; contentType: string; sha256: string | null; uploaded: boolean; storedAs: string | null }[]
}

export interface SandboxRevision {
  id: string
  orderId: string
  /** A revision (QC's or the client's) or a reconsideration of value. */
  kind: 'revision' | 'rov'
  type: string
  reason: string
  requestedAt: string
  requestedBy: string
  source: 'qc' | 'client' | 'borrower'
  answeredBySubmissionId: string | null
}

export interface SandboxDocument {
  id: string
  orderId: string
  name: string
  contentType: string
  sharedAt: string
  contentBase64: string
}

export interface SandboxPayment {
  orderId: string
  amount: number
  status: 'paid' | 'unpaid'
  invoiceNumber: string
  invoicedAt: string
  paidAt: string | null
}

export interface SandboxHistoryRecord extends PlatformHistoryEntry {
  orderId: string
  /** Vendor-visible history is distinct from the client-visible one (platform docs). */
  vendorVisible: boolean
}

/** Tokens are kept as SHA-256 hashes only: the sandbox's data file never holds a usable token. */
export interface AccessTokenRecord {
  tokenHash: string
  userId: string
  familyId: string
  expiresAt: number
}

export interface RefreshTokenRecord {
  tokenHash: string
  userId: string
  familyId: string
  expiresAt: number
  usedAt: number | null
  revoked: boolean
}

export interface ResetCodeRecord {
  userId: string
  code: string
  expiresAt: number
  used: boolean
}

export interface OutboxMessage {
  to: string
  subject: string
  body: string
  sentAt: string
}

export interface RequestLogEntry {
  method: string
  path: string
  status: number
  dropped: boolean
  at: string
  durationMs: number
}

export interface Fault {
  id: string
  method: string
  pathPattern: string
  remaining: number
  /**
   * 'status': answer `status` without applying; 'drop': apply, then drop the connection; 'delay': wait, then
   * handle normally; 'garbage': apply, answer 200 with a body that is not JSON; 'oversize': apply, answer
   * `bytes` bytes; 'trickle': apply, send the answer at `bytesPerSecond`; 'reset': cut the connection halfway
   * through the request body (an upload) or the answer.
   */
  mode: 'status' | 'drop' | 'delay' | 'garbage' | 'oversize' | 'trickle' | 'reset'
  status: number
  delayMs: number
  bytes: number
  declareLength: boolean
  bytesPerSecond: number
  retryAfter: number | null
}

/** Everything the sandbox knows; JSON-serialisable so the embedded sandbox can persist it. */
export interface SandboxData {
  clients: SandboxClient[]
  users: SandboxUser[]
  orders: SandboxOrder[]
  history: SandboxHistoryRecord[]
  accessTokens: AccessTokenRecord[]
  refreshTokens: RefreshTokenRecord[]
  resetCodes: ResetCodeRecord[]
  outbox: OutboxMessage[]
  submissions: SandboxSubmission[]
  revisions: SandboxRevision[]
  documents: SandboxDocument[]
  payments: SandboxPayment[]
}
