import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { PlatformHistoryEntry, PlatformOrder, PlatformOrderDetail, TokenResponse } from '../platform/schemas'
import type { Fault, RequestLogEntry, SandboxData, SandboxOrder, SandboxUser } from './model'
import { hashPassword, verifyPassword } from './passwords'
import { seedData, type SeedOptions } from './seed'
import { OrderWork } from './order-work'
import { inSet } from '../shared/order-workflow'
import { tmpdir } from 'node:os'

export interface SandboxOptions extends SeedOptions {
  /** Access token lifetime; the platform keeps these short on purpose. Default 5 minutes. */
  accessTokenTtlMs?: number
  refreshTokenTtlMs?: number
  resetCodeTtlMs?: number
  /** Called after every change, so an embedded sandbox can persist its data. */
  onChange?: (data: SandboxData) => void
  /** Start from saved data instead of the seed. */
  initialData?: SandboxData
  /** Where uploaded report files are written (required for uploads). */
  filesDir?: string
}

export class SandboxError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 421 | 422 | 429 | 500,
    readonly code: string,
    message: string,
    /** Sent as Retry-After (429). */
    readonly retryAfterSeconds?: number
  ) {
    super(message)
  }
}

const REQUEST_LOG_LIMIT = 5000
/** A client's response time when it has not set one (docs: "within the client's SLA"). */
export const DEFAULT_RESPONSE_MINUTES = 4 * 60
/** The reuse interval: the refresh token just replaced is accepted once more, answering the same pair. */
export const REFRESH_REUSE_WINDOW_MS = 30_000
/** Wrong passwords: after this many for one account within a minute, sign-in answers 429. */
export const MAX_FAILED_SIGN_INS = 5
const FAILED_SIGN_IN_WINDOW_MS = 60_000
const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`
export const hashToken = (value: string) => createHash('sha256').update(value).digest('hex')

/** The sandbox platform's state and rules, independent of HTTP. */
export class Sandbox {
  data: SandboxData
  readonly requests: RequestLogEntry[] = []
  faults: Fault[] = []
  /** How many requests met a fault (not how many were armed). */
  faultsTriggered = 0
  /** The access-token lifetime handed out from now on; the control plane may set absurd ones for tests. */
  accessTokenTtlMs: number
  private readonly refreshTokenTtlMs: number
  private readonly resetCodeTtlMs: number
  readonly work: OrderWork
  /** Every token issued by this process, in memory only (for the control plane's secret sweeps). */
  private readonly issued = new Map<string, string>()
  /** The pair each refresh token was last rotated into, for the reuse interval (memory only). */
  private readonly rotations = new Map<string, { response: TokenResponse; until: number; replayed: boolean }>()
  private readonly failedSignIns = new Map<string, number[]>()

  constructor(private readonly options: SandboxOptions = {}) {
    this.work = new OrderWork(this, options.filesDir ?? tmpdir())
    this.accessTokenTtlMs = options.accessTokenTtlMs ?? 5 * 60_000
    this.refreshTokenTtlMs = options.refreshTokenTtlMs ?? 30 * 86_400_000
    this.resetCodeTtlMs = options.resetCodeTtlMs ?? 15 * 60_000
    this.data = options.initialData ?? seedData(options)
  }

  /** The sandbox's clock: real time, moved forward by the control plane when tests need it. */
  clockOffsetMs = 0
  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  /** Moves the sandbox's clock forward (control plane): deadlines and token expiry follow it. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms
    this.work.expireUnanswered()
  }

  reset(): void {
    this.data = seedData(this.options)
    this.requests.length = 0
    this.faults = []
    this.clockOffsetMs = 0
    this.changed()
  }

  changed(): void {
    this.options.onChange?.(this.data)
  }

  logRequest(entry: RequestLogEntry): void {
    this.requests.push(entry)
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT)
  }

  // ── Authentication ────────────────────────────────────────────────────────────────────

  signIn(email: string, password: string): TokenResponse {
    const key = email.trim().toLowerCase()
    const now = this.now()
    const recent = (this.failedSignIns.get(key) ?? []).filter((at) => now - at < FAILED_SIGN_IN_WINDOW_MS)
    if (recent.length >= MAX_FAILED_SIGN_INS) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + FAILED_SIGN_IN_WINDOW_MS - now) / 1000))
      throw new SandboxError(429, 'too_many_attempts', 'Too many failed sign-ins for this account. Try again later.', retryAfter)
    }
    const user = this.findUserByEmail(email)
    if (!user || !verifyPassword(password, user.passwordSalt, user.passwordHash)) {
      this.failedSignIns.set(key, [...recent, now])
      throw new SandboxError(401, 'invalid_credentials', 'The e-mail or password is incorrect.')
    }
    this.failedSignIns.delete(key)
    return this.issueTokens(user.id, randomBytes(8).toString('hex'))
  }

  /**
   * Rotates: the presented refresh token is spent. Within the reuse interval the spent token is
   * accepted once more and answers the same new pair (a client whose answer was lost, or that
   * crashed before saving it, recovers); after that, presenting it revokes its whole family.
   */
  refresh(refreshToken: string): TokenResponse {
    const now = this.now()
    const hash = hashToken(refreshToken)
    const record = this.data.refreshTokens.find((r) => r.tokenHash === hash)
    if (!record || record.revoked || record.expiresAt <= now) {
      throw new SandboxError(401, 'invalid_refresh_token', 'The session has ended. Sign in again.')
    }
    if (record.usedAt !== null) {
      const rotation = this.rotations.get(hash)
      if (rotation && !rotation.replayed && now <= rotation.until) {
        rotation.replayed = true
        return rotation.response
      }
      this.revokeFamily(record.familyId)
      this.changed()
      throw new SandboxError(401, 'refresh_token_reused', 'This session was already renewed. Sign in again.')
    }
    record.usedAt = now
    // The previous access token of the family stops working once a new one is issued.
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.familyId !== record.familyId)
    const response = this.issueTokens(record.userId, record.familyId)
    for (const [key, old] of this.rotations) if (old.until < now) this.rotations.delete(key)
    this.rotations.set(hash, { response, until: now + REFRESH_REUSE_WINDOW_MS, replayed: false })
    return response
  }

  signOut(refreshToken: string): void {
    const record = this.data.refreshTokens.find((r) => r.tokenHash === hashToken(refreshToken))
    if (record) {
      this.revokeFamily(record.familyId)
      this.changed()
    }
  }

  /** Resolves a bearer token to its user, or throws the platform's 401. */
  authenticate(authorization: string | undefined): SandboxUser {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
    if (!match) throw new SandboxError(401, 'missing_token', 'Authentication is required.')
    const record = this.data.accessTokens.find((t) => t.tokenHash === hashToken(match[1] ?? ''))
    if (!record) throw new SandboxError(401, 'invalid_token', 'The access token is not valid.')
    if (record.expiresAt <= this.now()) throw new SandboxError(401, 'token_expired', 'The access token has expired.')
    const user = this.data.users.find((u) => u.id === record.userId)
    if (!user) throw new SandboxError(401, 'invalid_token', 'The access token is not valid.')
    return user
  }

  expireAccessTokens(): number {
    const past = this.now() - 1
    for (const t of this.data.accessTokens) t.expiresAt = past
    this.changed()
    return this.data.accessTokens.length
  }

  revokeRefreshTokens(): number {
    let count = 0
    for (const r of this.data.refreshTokens) {
      if (!r.revoked) count++
      r.revoked = true
    }
    this.changed()
    return count
  }

  validSessions() {
    const now = this.now()
    return this.data.accessTokens
      .filter((t) => t.expiresAt > now)
      .map((t) => {
        const user = this.data.users.find((u) => u.id === t.userId)
        const refresh = this.data.refreshTokens.find((r) => r.familyId === t.familyId && !r.revoked && r.usedAt === null)
        return {
          user: { id: t.userId, email: user?.email ?? '' },
          accessToken: this.issued.get(t.tokenHash) ?? null,
          accessTokenExpiresAt: new Date(t.expiresAt).toISOString(),
          refreshToken: refresh ? (this.issued.get(refresh.tokenHash) ?? null) : null
        }
      })
  }

  /** Every access and refresh token this sandbox process has issued (in memory only). */
  issuedTokens(): string[] {
    return [...this.issued.values()]
  }

  // ── Password recovery ─────────────────────────────────────────────────────────────────

  /** Same answer whether or not the account exists, so nobody can enumerate accounts. */
  requestPasswordReset(email: string): { message: string } {
    const user = this.findUserByEmail(email)
    if (user) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      for (const c of this.data.resetCodes) if (c.userId === user.id) c.used = true
      this.data.resetCodes.push({ userId: user.id, code, expiresAt: this.now() + this.resetCodeTtlMs, used: false })
      this.data.outbox.push({
        to: user.email,
        subject: 'Your OmniValVMS password reset code',
        body: `Hello ${user.name},\n\nYour password reset code is ${code}. It expires in ${Math.round(this.resetCodeTtlMs / 60_000)} minutes.\n\nOr open this link on the computer where OmniValVMS Desktop is installed:\nomnivms://reset-password?email=${encodeURIComponent(user.email)}&code=${code}\n\nIf you did not ask for this, ignore this e-mail.`,
        sentAt: new Date().toISOString()
      })
      this.changed()
    }
    return { message: 'If an account exists for that e-mail, we have sent a reset code to it.' }
  }

  resetPassword(email: string, code: string, newPassword: string): void {
    if (newPassword.length < 8) throw new SandboxError(400, 'weak_password', 'The new password must have at least 8 characters.')
    const user = this.findUserByEmail(email)
    const record = user && this.data.resetCodes.find((c) => c.userId === user.id && c.code === code.trim() && !c.used)
    if (!user || !record || record.expiresAt <= this.now()) {
      throw new SandboxError(400, 'invalid_reset_code', 'That reset code is not valid or has expired.')
    }
    record.used = true
    const { salt, hash } = hashPassword(newPassword)
    user.passwordSalt = salt
    user.passwordHash = hash
    // A password reset ends every existing session of the account.
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.userId !== user.id)
    for (const r of this.data.refreshTokens) if (r.userId === user.id) r.revoked = true
    this.changed()
  }

  // ── Vendor data, scoped to the caller ─────────────────────────────────────────────────

  clientsOf(user: SandboxUser) {
    return this.data.clients.filter((c) => user.clientIds.includes(c.id))
  }

  /** 403 for a client the vendor does not work for (client scope). */
  assertClientScope(user: SandboxUser, clientId: string): void {
    if (!user.clientIds.includes(clientId)) {
      throw new SandboxError(403, 'forbidden', 'You do not have access to this client.')
    }
  }

  listOrders(user: SandboxUser, clientId: string, page: number, pageSize: number) {
    this.assertClientScope(user, clientId)
    const all = this.data.orders.filter((o) => o.clientId === clientId && this.visibleTo(user, o))
    const slice = all.slice((page - 1) * pageSize, page * pageSize)
    const ids = new Set(slice.map((o) => o.id))
    const revisions = this.data.revisions.filter((r) => ids.has(r.orderId))
    const items = slice.map((o) => toPlatformOrder(o, this.openRevision(o, revisions)))
    return { items, page, pageSize, total: all.length }
  }

  /** A vendor sees the orders assigned to them; a Client User every order of their client. */
  private visibleTo(user: SandboxUser, order: SandboxOrder): boolean {
    return user.role === 'Vendor' ? order.vendorId === user.id : user.clientIds.includes(order.clientId)
  }

  /** 404 for an order that does not exist or is not this vendor's: not visible to this caller. */
  findOrder(user: SandboxUser, clientId: string, loanId: string, orderId: string): SandboxOrder {
    this.assertClientScope(user, clientId)
    const order = this.data.orders.find((o) => o.id === orderId && o.clientId === clientId && o.loanId === loanId && this.visibleTo(user, o))
    if (!order) throw new SandboxError(404, 'not_found', 'Order not found.')
    return order
  }

  orderDetail(order: SandboxOrder): PlatformOrderDetail {
    const { vendorId: _vendorId, statusBeforeHold: _held, ...detail } = order as SandboxOrder & { statusBeforeHold?: number | null }
    return { ...structuredClone(detail), latestRevision: this.openRevision(order) }
  }

  /** The revision request (or ROV) an order is waiting on. */
  openRevision(order: SandboxOrder, revisions = this.data.revisions) {
    if (!inSet('revision', order.status) && !inSet('rov', order.status)) return null
    const open = revisions
      .filter((r) => r.orderId === order.id && r.answeredBySubmissionId === null)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0]
    return open ? { type: open.type, reason: open.reason, requestedAt: open.requestedAt } : null
  }

  vendorHistory(order: SandboxOrder): PlatformHistoryEntry[] {
    return this.data.history
      .filter((h) => h.orderId === order.id && h.vendorVisible)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ orderId: _orderId, vendorVisible: _visible, ...entry }) => structuredClone(entry))
  }

  /** Control plane: a new order assigned to a vendor (status 1), with its history. */
  assignNewOrder(input: { vendorEmail?: string; clientId?: string; street?: string; fee?: number; dueInDays?: number; product?: string; respondWithinMinutes?: number }): SandboxOrder {
    const vendor = this.findUserByEmail(input.vendorEmail ?? this.data.users[0]?.email ?? '')
    if (!vendor) throw new SandboxError(404, 'not_found', 'No such vendor.')
    const clientId = input.clientId ?? vendor.clientIds[0]
    if (!clientId || !vendor.clientIds.includes(clientId)) throw new SandboxError(422, 'invalid_client', 'The vendor does not work for that client.')
    const template = this.data.orders.find((o) => o.vendorId === vendor.id) ?? this.data.orders[0]
    if (!template) throw new SandboxError(500, 'no_template', 'The sandbox has no orders to model a new one on.')
    const serial = 10001 + this.data.orders.length
    const now = new Date(this.now())
    const client = this.data.clients.find((c) => c.id === clientId)
    const respondWithin = (input.respondWithinMinutes ?? client?.responseTimeMinutes ?? DEFAULT_RESPONSE_MINUTES) * 60_000
    const order: SandboxOrder = {
      ...structuredClone(template),
      id: `ord-${serial}`,
      vendorId: vendor.id,
      clientId,
      loanId: `ln-${serial + 40000}`,
      orderNumber: `OV-2026-${serial}`,
      loanNumber: String(4100000000 + serial * 7919),
      status: 1,
      product: input.product ?? '1004 URAR',
      fee: input.fee ?? 550,
      dueDate: new Date(now.getTime() + (input.dueInDays ?? 7) * 86_400_000).toISOString(),
      rush: false,
      propertyAddress: { ...template.propertyAddress, street: input.street ?? `${100 + (serial % 9000)} Assignment Ave` },
      assignedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      negotiation: null,
      inspection: null,
      respondBy: new Date(now.getTime() + respondWithin).toISOString()
    }
    this.data.orders.push(order)
    this.data.history.push({
      id: `h-${serial}-1`,
      orderId: order.id,
      at: now.toISOString(),
      action: 'Order assigned to vendor',
      status: 1,
      previousStatus: 16,
      actor: { name: 'OmniValVMS Operations', role: 'Operations' },
      channel: 'Admin portal',
      reason: null,
      vendorVisible: true
    })
    this.changed()
    return order
  }

  findOrderById(orderId: string): SandboxOrder {
    const order = this.data.orders.find((o) => o.id === orderId)
    if (!order) throw new SandboxError(404, 'not_found', 'Order not found.')
    return order
  }

  private findUserByEmail(email: string): SandboxUser | undefined {
    const wanted = email.trim().toLowerCase()
    return this.data.users.find((u) => u.email.toLowerCase() === wanted)
  }

  private issueTokens(userId: string, familyId: string): TokenResponse {
    const now = this.now()
    const accessToken = token('at')
    const refreshToken = token('rt')
    this.issued.set(hashToken(accessToken), accessToken)
    this.issued.set(hashToken(refreshToken), refreshToken)
    this.data.accessTokens.push({ tokenHash: hashToken(accessToken), userId, familyId, expiresAt: now + this.accessTokenTtlMs })
    this.data.refreshTokens.push({
      tokenHash: hashToken(refreshToken),
      userId,
      familyId,
      expiresAt: now + this.refreshTokenTtlMs,
      usedAt: null,
      revoked: false
    })
    this.pruneTokens(now)
    this.changed()
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.accessTokenTtlMs / 1000 }
  }

  private revokeFamily(familyId: string): void {
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.familyId !== familyId)
    for (const r of this.data.refreshTokens) if (r.familyId === familyId) r.revoked = true
  }

  private pruneTokens(now: number): void {
    // Spent refresh tokens are kept a while so reuse can be detected, then dropped.
    const keepSpentMs = 86_400_000
    this.data.refreshTokens = this.data.refreshTokens.filter(
      (r) => r.expiresAt > now && (r.usedAt === null || now - r.usedAt < keepSpentMs)
    )
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.expiresAt > now - keepSpentMs)
  }
}

function toPlatformOrder(order: SandboxOrder, latestRevision: PlatformOrder['latestRevision']): PlatformOrder {
  return {
    latestRevision,
    id: order.id,
    clientId: order.clientId,
    loanId: order.loanId,
    orderNumber: order.orderNumber,
    loanNumber: order.loanNumber,
    status: order.status,
    product: order.product,
    fee: order.fee,
    currency: order.currency,
    dueDate: order.dueDate,
    rush: order.rush,
    propertyAddress: { ...order.propertyAddress },
    borrowerName: order.borrowerName,
    assignedAt: order.assignedAt,
    updatedAt: order.updatedAt,
    respondBy: order.respondBy ?? null
  }
}
