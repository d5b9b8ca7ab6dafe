/** The sandbox platform's authentication: sign-in, rotating refresh tokens, sign-out, password recovery. Tokens are kept as hashes. */
import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { TokenResponse } from '../platform/schemas'
import type { SandboxUser } from './model'
import { hashPassword, verifyPassword } from './passwords'
import { SandboxError } from './sandbox-error'
import type { SandboxOptions, SandboxState } from './state'

/** The reuse interval: the refresh token just replaced is accepted once more, answering the same pair. */
export const REFRESH_REUSE_WINDOW_MS = 30_000
/** Wrong passwords: after this many for one account within a minute, sign-in answers 429. */
export const MAX_FAILED_SIGN_INS = 5
const FAILED_SIGN_IN_WINDOW_MS = 60_000
const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`
export const hashToken = (value: string) => createHash('sha256').update(value).digest('hex')

export class SandboxAuth {
  /** The access-token lifetime handed out from now on; the control plane may set absurd ones for tests. */
  accessTokenTtlMs: number
  private readonly refreshTokenTtlMs: number
  private readonly resetCodeTtlMs: number
  /** Every token issued by this process, in memory only (for the control plane's secret sweeps). */
  private readonly issued = new Map<string, string>()
  /** The pair each refresh token was last rotated into, for the reuse interval (memory only). */
  private readonly rotations = new Map<string, { response: TokenResponse; until: number; replayed: boolean }>()
  private readonly failedSignIns = new Map<string, number[]>()

  constructor(
    private readonly state: SandboxState,
    options: SandboxOptions
  ) {
    this.accessTokenTtlMs = options.accessTokenTtlMs ?? 5 * 60_000
    this.refreshTokenTtlMs = options.refreshTokenTtlMs ?? 30 * 86_400_000
    this.resetCodeTtlMs = options.resetCodeTtlMs ?? 15 * 60_000
  }

  private get data() {
    return this.state.data
  }

  signIn(email: string, password: string): TokenResponse {
    const key = email.trim().toLowerCase()
    const now = this.state.now()
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
    const now = this.state.now()
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
      this.state.changed()
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
      this.state.changed()
    }
  }

  /** Resolves a bearer token to its user, or throws the platform's 401. */
  authenticate(authorization: string | undefined): SandboxUser {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
    if (!match) throw new SandboxError(401, 'missing_token', 'Authentication is required.')
    const record = this.data.accessTokens.find((t) => t.tokenHash === hashToken(match[1] ?? ''))
    if (!record) throw new SandboxError(401, 'invalid_token', 'The access token is not valid.')
    if (record.expiresAt <= this.state.now()) throw new SandboxError(401, 'token_expired', 'The access token has expired.')
    const user = this.data.users.find((u) => u.id === record.userId)
    if (!user) throw new SandboxError(401, 'invalid_token', 'The access token is not valid.')
    return user
  }

  expireAccessTokens(): number {
    const past = this.state.now() - 1
    for (const t of this.data.accessTokens) t.expiresAt = past
    this.state.changed()
    return this.data.accessTokens.length
  }

  revokeRefreshTokens(): number {
    let count = 0
    for (const r of this.data.refreshTokens) {
      if (!r.revoked) count++
      r.revoked = true
    }
    this.state.changed()
    return count
  }

  validSessions() {
    const now = this.state.now()
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

  /** Same answer whether or not the account exists, so nobody can enumerate accounts. */
  requestPasswordReset(email: string): { message: string } {
    const user = this.findUserByEmail(email)
    if (user) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      for (const c of this.data.resetCodes) if (c.userId === user.id) c.used = true
      this.data.resetCodes.push({ userId: user.id, code, expiresAt: this.state.now() + this.resetCodeTtlMs, used: false })
      this.data.outbox.push({
        to: user.email,
        subject: 'Your OmniValVMS password reset code',
        body: `Hello ${user.name},\n\nYour password reset code is ${code}. It expires in ${Math.round(this.resetCodeTtlMs / 60_000)} minutes.\n\nOr open this link on the computer where OmniValVMS Desktop is installed:\nomnivms://reset-password?email=${encodeURIComponent(user.email)}&code=${code}\n\nIf you did not ask for this, ignore this e-mail.`,
        sentAt: new Date().toISOString()
      })
      this.state.changed()
    }
    return { message: 'If an account exists for that e-mail, we have sent a reset code to it.' }
  }

  resetPassword(email: string, code: string, newPassword: string): void {
    // Domain data the platform can't use (a too-short password, an unknown code): 422, by the docs' meaning.
    if (newPassword.length < 8) throw new SandboxError(422, 'weak_password', 'The new password must have at least 8 characters.')
    const user = this.findUserByEmail(email)
    const record = user && this.data.resetCodes.find((c) => c.userId === user.id && c.code === code.trim() && !c.used)
    if (!user || !record || record.expiresAt <= this.state.now()) {
      throw new SandboxError(422, 'invalid_reset_code', 'That reset code is not valid or has expired.')
    }
    record.used = true
    const { salt, hash } = hashPassword(newPassword)
    user.passwordSalt = salt
    user.passwordHash = hash
    // A password reset ends every existing session of the account.
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.userId !== user.id)
    for (const r of this.data.refreshTokens) if (r.userId === user.id) r.revoked = true
    this.state.changed()
  }

  findUserByEmail(email: string): SandboxUser | undefined {
    const wanted = email.trim().toLowerCase()
    return this.data.users.find((u) => u.email.toLowerCase() === wanted)
  }

  private issueTokens(userId: string, familyId: string): TokenResponse {
    const now = this.state.now()
    const accessToken = token('at')
    const refreshToken = token('rt')
    this.issued.set(hashToken(accessToken), accessToken)
    this.issued.set(hashToken(refreshToken), refreshToken)
    this.data.accessTokens.push({ tokenHash: hashToken(accessToken), userId, familyId, expiresAt: now + this.accessTokenTtlMs })
    this.data.refreshTokens.push({ tokenHash: hashToken(refreshToken), userId, familyId, expiresAt: now + this.refreshTokenTtlMs, usedAt: null, revoked: false })
    this.pruneTokens(now)
    this.state.changed()
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.accessTokenTtlMs / 1000 }
  }

  private revokeFamily(familyId: string): void {
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.familyId !== familyId)
    for (const r of this.data.refreshTokens) if (r.familyId === familyId) r.revoked = true
  }

  private pruneTokens(now: number): void {
    // Spent refresh tokens are kept a while so reuse can be detected, then dropped.
    const keepSpentMs = 86_400_000
    this.data.refreshTokens = this.data.refreshTokens.filter((r) => r.expiresAt > now && (r.usedAt === null || now - r.usedAt < keepSpentMs))
    this.data.accessTokens = this.data.accessTokens.filter((t) => t.expiresAt > now - keepSpentMs)
  }
}
