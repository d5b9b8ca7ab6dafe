/** One session's tokens and the platform's auth rules: proactive refresh, single-flight 401 refresh, Retry-After. */
import { endpoints, type EndpointName, type ResponseBody } from '../../../platform/endpoints'
import type { TokenResponse } from '../../../platform/schemas'
import { AppError, MESSAGES } from '../errors'
import type { BodyReader, CallArgs, Conditional, PlatformClient } from '../platform/platform-client'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import { PlatformError } from '../platform/platform-error'
import { secondsUntil } from '../platform/to-app-error'
import type { Clock, Logger, TimerHandle } from '../ports'
import { UnauthorizedWrite } from '../primitives/write-outcome'
import { timerDelay } from '../primitives/timer-delay'
import { MIN_REFRESH_SPACING_MS, refreshLeadMs, tokensFrom, type TokenSet } from './token-timing'

export { refreshLeadMs, tokensFrom, type TokenSet } from './token-timing'

export type Connectivity = 'online' | 'offline' | 'slowed'

export interface AuthSessionHooks {
  /** The refresh token is about to be presented: note that durably, so a crash mid-rotation is recovered at the next start. */
  onRefreshStarting(tokens: TokenSet): Promise<void>
  /** New tokens after a refresh (rotation): persist them durably, before they are used. */
  onTokensRotated(tokens: TokenSet): Promise<void>
  /** The platform refused the refresh token: the session is over. */
  onSessionEnded(): void
  /** 'slowed': the platform answered 429; `retryAt` says when the app tries again. */
  onConnectivity(state: Connectivity, retryAt?: number | null): void
}


const OFFLINE_RETRY_MS = [MIN_REFRESH_SPACING_MS, 20_000, 40_000, 60_000]
/** 429: a request waits as long as the platform asks, then tries again — at most this many times. */
const MAX_RATE_LIMIT_WAITS = 2

/**
 * Holds the tokens of one signed-in session and applies the platform's auth rules:
 * proactive refresh before expiry; on 401 exactly one refresh shared by every concurrent
 * request (a request whose token was already replaced just retries); one retry for reads;
 * writes are never replayed here. A refused refresh ends the session; a network failure
 * keeps it and reports offline; a 429 is waited out, never taken for offline — and until its
 * Retry-After has passed, no request of this session goes out at all. Every request carries the
 * session's AbortSignal: signing out cancels what is in flight.
 */
export class AuthSession implements AuthorizedPlatform {
  private refreshInFlight: Promise<void> | null = null
  private timer: TimerHandle | null = null
  private offlineAttempts = 0
  private lastRefreshAt = Number.NEGATIVE_INFINITY
  /** Until when a 429 is being waited out: other answers meanwhile don't say "online". */
  private slowedUntil = 0
  private disposed = false

  constructor(
    private readonly client: PlatformClient,
    private readonly clock: Clock,
    private tokens: TokenSet,
    private readonly hooks: AuthSessionHooks,
    private readonly logger: Logger,
    /** The session scope's signal: aborted at sign-out. */
    private readonly signal: AbortSignal = new AbortController().signal
  ) {
    this.signal.addEventListener('abort', () => this.dispose(), { once: true })
    this.scheduleProactiveRefresh()
  }

  /** Until when the platform asked us to wait (a 429's Retry-After); null when it did not, or that has passed. */
  retryAt(): number | null {
    return this.slowedUntil > this.clock.now() ? this.slowedUntil : null
  }

  /** The tokens in use now: for saving the session when the user asks to stay signed in. */
  currentTokens(): TokenSet {
    return this.tokens
  }

  get baseUrl(): string {
    return this.client.baseUrl
  }

  get currentRefreshToken(): string {
    return this.tokens.refreshToken
  }

  call<N extends EndpointName>(name: N, args?: Omit<CallArgs<N>, 'accessToken'>): Promise<ResponseBody<N>>
  call<N extends EndpointName, T>(name: N, args: Omit<CallArgs<N>, 'accessToken'>, read: BodyReader<T>): Promise<T>
  async call<N extends EndpointName, T>(name: N, args: Omit<CallArgs<N>, 'accessToken'> = {}, read?: BodyReader<T>): Promise<T | ResponseBody<N>> {
    return this.withToken<T | ResponseBody<N>>(name, (accessToken) => (read ? this.client.call(name, this.withSession(args, accessToken), read) : this.client.call(name, this.withSession(args, accessToken))))
  }

  /** A conditional read: "not modified", or the answer with its ETag. */
  callConditional<N extends EndpointName>(name: N, args: Omit<CallArgs<N>, 'accessToken'>): Promise<Conditional<ResponseBody<N>>>
  callConditional<N extends EndpointName, T>(name: N, args: Omit<CallArgs<N>, 'accessToken'>, read: BodyReader<T>): Promise<Conditional<T>>
  async callConditional<N extends EndpointName, T>(name: N, args: Omit<CallArgs<N>, 'accessToken'>, read?: BodyReader<T>): Promise<Conditional<T | ResponseBody<N>>> {
    return this.withToken<Conditional<T | ResponseBody<N>>>(name, (accessToken) =>
      read ? this.client.callConditional(name, this.withSession(args, accessToken), read) : this.client.callConditional(name, this.withSession(args, accessToken))
    )
  }

  /** A 'download' endpoint's response, body unread. */
  async open<N extends EndpointName>(name: N, args: Omit<CallArgs<N>, 'accessToken'> = {}): Promise<Response> {
    return this.withToken(name, (accessToken) => this.client.open(name, this.withSession(args, accessToken)))
  }

  /** The token, and the session's signal joined to the caller's. */
  private withSession<N extends EndpointName>(args: Omit<CallArgs<N>, 'accessToken'>, accessToken: string): CallArgs<N> {
    const signal = args.signal ? AbortSignal.any([args.signal, this.signal]) : this.signal
    return { ...args, accessToken, signal } as CallArgs<N>
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

  /** After sleep or when the network comes back: renew now if the token is close to expiry (or we were offline). */
  async wake(): Promise<void> {
    if (this.disposed) return
    if (this.clock.now() - this.lastRefreshAt < MIN_REFRESH_SPACING_MS) return
    const remaining = Math.max(0, this.tokens.accessTokenExpiresAt - this.clock.now())
    if (remaining <= refreshLeadMs(remaining) + 1_000 || this.offlineAttempts > 0) await this.refresh().catch(() => undefined)
    else this.scheduleProactiveRefresh()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /**
   * Sends once the platform's Retry-After (if any) has passed, waits out a 429 as long as the
   * platform asks and tries again (a bounded number of times), and reports connectivity.
   */
  private async tracked<T>(send: (accessToken: string) => Promise<T>, accessToken: string): Promise<T> {
    for (let waits = 0; ; waits++) {
      const hold = this.slowedUntil - this.clock.now()
      if (hold > 0) await this.sleep(hold)
      this.assertActive()
      try {
        const result = await send(accessToken)
        if (this.clock.now() >= this.slowedUntil) this.hooks.onConnectivity('online')
        return result
      } catch (error) {
        if (this.disposed) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
        if (error instanceof PlatformError && error.isConnectivity) this.hooks.onConnectivity('offline')
        if (!(error instanceof PlatformError && error.failure.kind === 'http' && error.isRateLimited)) throw error
        const wait = error.failure.retryAfterMs ?? 5_000 * (waits + 1)
        this.slowedUntil = Math.max(this.slowedUntil, this.clock.now() + wait)
        this.hooks.onConnectivity('slowed', this.slowedUntil)
        if (waits >= MAX_RATE_LIMIT_WAITS) throw error
        this.logger.warn('the platform asked us to slow down; waiting', { seconds: secondsUntil(wait) })
      }
    }
  }

  private async performRefresh(): Promise<void> {
    const issuedAt = this.clock.now()
    this.lastRefreshAt = issuedAt
    await this.hooks.onRefreshStarting(this.tokens).catch((error: unknown) => this.logger.warn('could not note the refresh', { error: String(error) }))
    let response: TokenResponse
    try {
      response = await this.client.call('refreshToken', { body: { refreshToken: this.tokens.refreshToken }, signal: this.signal })
    } catch (error) {
      if (this.disposed) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
      if (error instanceof PlatformError && error.failure.kind === 'http' && [400, 401, 403].includes(error.failure.status)) {
        this.logger.warn('refresh refused; session ended', { status: error.failure.status, errorCode: error.failure.code })
        this.end()
        throw new AppError('session_ended', MESSAGES.sessionEnded)
      }
      if (error instanceof PlatformError && error.failure.kind === 'http' && error.isRateLimited) {
        const wait = Math.max(MIN_REFRESH_SPACING_MS, error.failure.retryAfterMs ?? 30_000)
        this.logger.warn('refresh was rate limited; will retry', { seconds: secondsUntil(wait) })
        this.hooks.onConnectivity('slowed', this.clock.now() + wait)
        this.scheduleRefresh(wait)
        throw new AppError('rate_limited', `The platform asked us to slow down; retrying in ${secondsUntil(wait)} s.`)
      }
      // Unreachable, timed out or 5xx (or the answer was lost): the session may still be good. Keep it,
      // retry later with the same refresh token — the platform's reuse interval answers it again.
      this.logger.warn('refresh failed; will retry', { error: error instanceof Error ? error.message : 'unknown' })
      this.hooks.onConnectivity('offline')
      this.scheduleOfflineRetry()
      throw new AppError('offline', MESSAGES.offline)
    }
    if (this.disposed) return
    const next = tokensFrom(response, issuedAt)
    // Durably saved before the new tokens are used: a crash from here on still has them at the next start.
    await this.hooks.onTokensRotated(next).catch((error: unknown) => this.logger.error('could not save the renewed session', { error: String(error) }))
    if (this.disposed) return
    this.tokens = next
    this.offlineAttempts = 0
    this.hooks.onConnectivity('online')
    this.logger.info('session refreshed', { expiresInS: Math.round((next.accessTokenExpiresAt - issuedAt) / 1000) })
    this.scheduleProactiveRefresh()
  }

  private scheduleProactiveRefresh(): void {
    const remaining = this.tokens.accessTokenExpiresAt - this.clock.now()
    this.scheduleRefresh(remaining - refreshLeadMs(remaining))
  }

  private scheduleOfflineRetry(): void {
    this.scheduleRefresh(OFFLINE_RETRY_MS[Math.min(this.offlineAttempts, OFFLINE_RETRY_MS.length - 1)] as number)
    this.offlineAttempts++
  }

  /** One refresh timer at a time, never sooner than the spacing allows, never longer than a timer can wait. */
  private scheduleRefresh(delayMs: number): void {
    if (this.disposed) return
    if (this.timer) this.clock.clearTimeout(this.timer)
    const earliest = this.lastRefreshAt + MIN_REFRESH_SPACING_MS - this.clock.now()
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      if (!this.disposed) this.refresh().catch(() => undefined)
    }, timerDelay(Math.max(delayMs, earliest)))
  }

  /** Waits, unless the session ends first (then it rejects: signed out). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(new AppError('not_signed_in', MESSAGES.notSignedIn))
      const onAbort = () => {
        this.clock.clearTimeout(handle)
        reject(new AppError('not_signed_in', MESSAGES.notSignedIn))
      }
      const handle = this.clock.setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort)
        resolve()
      }, timerDelay(ms))
      this.signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  private end(): void {
    if (this.disposed) return
    this.dispose()
    this.hooks.onSessionEnded()
  }

  private assertActive(): void {
    if (this.disposed || this.signal.aborted) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
  }
}
