import { endpoints, type EndpointName, type ResponseBody } from '../../../platform/endpoints'
import type { TokenResponse } from '../../../platform/schemas'
import { AppError, MESSAGES } from '../errors'
import type { CallArgs, PlatformClient } from '../platform/platform-client'
import { PlatformError } from '../platform/platform-error'
import type { Clock, Logger, TimerHandle } from '../ports'

export interface TokenSet {
  accessToken: string
  accessTokenExpiresAt: number
  refreshToken: string
}

export interface AuthSessionHooks {
  /** New tokens after a refresh (rotation): persist them. */
  onTokensRotated(tokens: TokenSet): Promise<void>
  /** The platform refused the refresh token: the session is over. */
  onSessionEnded(): void
  onConnectivity(state: 'online' | 'offline'): void
}

/** A write whose 401 was answered by a refresh; the caller must reconcile before any replay. */
export class UnauthorizedWrite extends Error {
  constructor() {
    super('write was refused with 401 and must be reconciled before it is replayed')
  }
}

export function tokensFrom(response: TokenResponse, now: number): TokenSet {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    accessTokenExpiresAt: now + response.expiresIn * 1000
  }
}

/** Refresh this long before expiry: a fifth of the lifetime, between 1 s and 60 s. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor(lifetimeMs * 0.2)))
}

const OFFLINE_RETRY_MS = [5_000, 10_000, 20_000, 40_000, 60_000]

/**
 * Holds the tokens of one signed-in session and applies the platform's auth rules:
 * proactive refresh before expiry; on 401 exactly one refresh shared by every concurrent
 * request (a request whose token was already replaced just retries); one retry for reads;
 * writes are never replayed here. A refused refresh ends the session; a network failure
 * keeps it and reports offline.
 */
export class AuthSession {
  private refreshInFlight: Promise<void> | null = null
  private timer: TimerHandle | null = null
  private offlineAttempts = 0
  private disposed = false

  constructor(
    private readonly client: PlatformClient,
    private readonly clock: Clock,
    private tokens: TokenSet,
    private readonly hooks: AuthSessionHooks,
    private readonly logger: Logger
  ) {
    this.scheduleProactiveRefresh()
  }

  get baseUrl(): string {
    return this.client.baseUrl
  }

  get currentRefreshToken(): string {
    return this.tokens.refreshToken
  }

  async call<N extends EndpointName>(name: N, args: Omit<CallArgs<N>, 'accessToken'> = {}): Promise<ResponseBody<N>> {
    return this.withToken(name, (accessToken) => this.client.call(name, { ...args, accessToken } as CallArgs<N>))
  }

  /** A 'download' endpoint's response, body unread. */
  async open<N extends EndpointName>(name: N, args: Omit<CallArgs<N>, 'accessToken'> = {}): Promise<Response> {
    return this.withToken(name, (accessToken) => this.client.open(name, { ...args, accessToken } as CallArgs<N>))
  }

  private async withToken<T>(name: EndpointName, send: (accessToken: string) => Promise<T>): Promise<T> {
    this.assertActive()
    if (this.clock.now() >= this.tokens.accessTokenExpiresAt - 1_000) await this.refresh()
    const snapshot = this.tokens.accessToken
    try {
      return await this.tracked(send, snapshot)
    } catch (error) {
      if (!(error instanceof PlatformError) || error.status !== 401) throw error
    }
    // 401: never retried without a refresh — unless another request already replaced this token.
    if (this.tokens.accessToken === snapshot) await this.refresh()
    this.assertActive()
    if (!endpoints[name].idempotent) throw new UnauthorizedWrite()
    try {
      return await this.tracked(send, this.tokens.accessToken)
    } catch (error) {
      if (error instanceof PlatformError && error.status === 401) {
        this.logger.warn('fresh access token was refused; ending the session', { endpoint: name })
        this.end()
        throw new AppError('session_ended', MESSAGES.sessionEnded)
      }
      throw error
    }
  }

  /** Single-flight: concurrent callers share one refresh request. */
  refresh(): Promise<void> {
    this.assertActive()
    this.refreshInFlight ??= this.performRefresh().finally(() => {
      this.refreshInFlight = null
    })
    return this.refreshInFlight
  }

  /** After sleep or when the network comes back: renew now if the token is close to expiry. */
  async wake(): Promise<void> {
    if (this.disposed) return
    const lifetime = Math.max(0, this.tokens.accessTokenExpiresAt - this.clock.now())
    if (lifetime <= refreshLeadMs(lifetime) + 1_000) await this.refresh().catch(() => undefined)
    else this.scheduleProactiveRefresh()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private async tracked<T>(send: (accessToken: string) => Promise<T>, accessToken: string): Promise<T> {
    try {
      const result = await send(accessToken)
      this.hooks.onConnectivity('online')
      return result
    } catch (error) {
      if (error instanceof PlatformError && error.isConnectivity) this.hooks.onConnectivity('offline')
      throw error
    }
  }

  private async performRefresh(): Promise<void> {
    const issuedAt = this.clock.now()
    let response: TokenResponse
    try {
      response = await this.client.call('refreshToken', { body: { refreshToken: this.tokens.refreshToken } })
    } catch (error) {
      if (this.disposed) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
      if (error instanceof PlatformError && error.failure.kind === 'http' && [400, 401, 403].includes(error.failure.status)) {
        this.logger.warn('refresh refused; session ended', { status: error.failure.status, code: error.failure.code })
        this.end()
        throw new AppError('session_ended', MESSAGES.sessionEnded)
      }
      // Unreachable, timed out, 429 or 5xx: the session may still be good. Keep it and retry later.
      this.logger.warn('refresh failed; will retry', { error: error instanceof Error ? error.message : 'unknown' })
      this.hooks.onConnectivity('offline')
      this.scheduleOfflineRetry()
      throw new AppError('offline', MESSAGES.offline)
    }
    if (this.disposed) return
    this.tokens = tokensFrom(response, issuedAt)
    this.offlineAttempts = 0
    this.hooks.onConnectivity('online')
    this.logger.info('session refreshed', { expiresInS: response.expiresIn })
    try {
      await this.hooks.onTokensRotated(this.tokens)
    } catch (error) {
      this.logger.error('could not save the renewed session', { error: String(error) })
    }
    this.scheduleProactiveRefresh()
  }

  private scheduleProactiveRefresh(): void {
    const remaining = this.tokens.accessTokenExpiresAt - this.clock.now()
    this.scheduleRefresh(Math.max(0, remaining - refreshLeadMs(remaining)))
  }

  private scheduleOfflineRetry(): void {
    this.scheduleRefresh(OFFLINE_RETRY_MS[Math.min(this.offlineAttempts, OFFLINE_RETRY_MS.length - 1)] as number)
    this.offlineAttempts++
  }

  /** One refresh timer at a time: a new schedule replaces the pending one. */
  private scheduleRefresh(delayMs: number): void {
    if (this.disposed) return
    if (this.timer) this.clock.clearTimeout(this.timer)
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      if (!this.disposed) this.refresh().catch(() => undefined)
    }, delayMs)
  }

  private end(): void {
    if (this.disposed) return
    this.dispose()
    this.hooks.onSessionEnded()
  }

  private assertActive(): void {
    if (this.disposed) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
  }
}
