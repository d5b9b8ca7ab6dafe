/**
 * Sign-in, restore and sign-out, and the session state the window shows. Each signed-in session
 * is a scope (session-scope.ts) keyed by its environment's origin and user id, owning its tokens
 * and its work (session-services.ts); signing out disposes it and removes its data, a session that
 * merely ended keeps its data for the same account's next sign-in. Tokens never leave main.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { EnvironmentChoice, Persistence, SessionState, SignInInput, SignedOutReason, StorageProtection, User } from '../../../shared/ipc/session-schemas'
import { VENDOR_ROLE } from '../../../shared/ipc/session-schemas'
import { actionLabel } from '../../../shared/order-workflow'
import { AppError, MESSAGES } from '../errors'
import type { PlatformClient } from '../platform/platform-client'
import { PlatformError } from '../platform/platform-error'
import { secondsUntil, toAppError } from '../platform/to-app-error'
import type { Clock, Logger, SandboxProvider, SecretCipher } from '../ports'
import type { WeakChoice } from '../storage/personal-data-policy'
import type { Preferences } from '../storage/preferences'
import { removeStaleTemporaries } from '../storage/secure-file'
import { SessionFiles } from '../storage/session-files'
import { UnreadableFiles } from '../storage/unreadable-files'
import type { TokenVault } from '../storage/token-vault'
import { AuthSession, tokensFrom, type Connectivity, type TokenSet } from './auth-session'
import { resolveEnvironment, type ResolvedEnvironment } from './environments'
import { sameSessionKey } from '../primitives/session-key'
import { SessionScope } from './session-scope'
import type { SessionServices } from './session-services'
import { SessionStorage, type KeptSession, type WeakStorageSubject } from './session-storage'
import { SessionTransitions } from './session-transitions'

/** Every session's folder lives under this one, named by its key's hash. */
export const SESSIONS_FOLDER = 'sessions'
/** Where versions before session scopes kept one offline copy for whoever was signed in. */
const LEGACY_OFFLINE_FOLDER = 'offline'

export const APPRAISERS_ONLY = 'This app is for appraisers (vendor accounts). Sign in with your appraiser account to work orders.'

export interface SessionDeps {
  vault: TokenVault
  preferences: Preferences
  clock: Clock
  logger: Logger
  sandbox: SandboxProvider
  cipher: SecretCipher
  /** The app's folder: sessions keep their data under it. */
  dataDir: string
  /** A client for the platform at `baseUrl`. */
  client(baseUrl: string, timeoutMs?: number): PlatformClient
  /** The work of a new session, built for its scope. */
  createServices(scope: SessionScope, auth: AuthSession, user: User, files: SessionFiles): SessionServices
  onStateChanged(state: SessionState): void
  /** A session began (sign-in or restore): e.g. a link that waited for it. */
  onSignedIn(): void
  /** Something the user should read now. */
  notice(text: string): void
}

interface ActiveSession extends KeptSession {
  scope: SessionScope
  auth: AuthSession
  services: SessionServices
  environment: ResolvedEnvironment
  connectivity: Connectivity
  retryAt: number | null
}

const SIGNED_OUT_MESSAGES: Record<SignedOutReason, string> = {
  session_ended: MESSAGES.sessionEnded,
  password_changed: 'Your password was changed. Sign in with the new password.',
  vault_unreadable: "Your saved sign-in couldn't be unlocked by this computer's keychain. Sign in again.",
  vault_corrupt: 'Your saved sign-in was damaged and has been cleared. Sign in again.'
}

export class SessionService {
  private active: ActiveSession | null = null
  private signedOutReason: SignedOutReason | null = null
  /** What sessions that ended (not signed out) held in memory only, for the same account's next sign-in. */
  private readonly parked = new Map<string, Map<string, unknown>>()
  /** Every change of the active session, one at a time (session-transitions.ts). */
  private readonly transitions = new SessionTransitions()
  readonly storage: SessionStorage

  constructor(private readonly deps: SessionDeps) {
    this.storage = new SessionStorage(deps.vault, deps.preferences, deps.logger)
  }

  /** Restores a saved session at launch. Never throws: anything unreadable means signed out. */
  restore(): Promise<void> {
    return this.transitions.run((signal) => this.restoreNow(signal)).catch((error: unknown) => {
      this.deps.logger.warn('the saved session was not restored', { error: error instanceof Error ? error.message : 'unknown' })
    })
  }

  private async restoreNow(signal: AbortSignal): Promise<void> {
    // What a crash left half-written is a temporary beside a whole file: removed before anything writes.
    const stale = await removeStaleTemporaries(this.deps.dataDir)
    if (stale > 0) this.deps.logger.info('removed what interrupted writes left behind', { files: stale })
    await rm(join(this.deps.dataDir, LEGACY_OFFLINE_FOLDER), { recursive: true, force: true }).catch(() => undefined)
    const loaded = await this.deps.vault.load()
    if (loaded.kind === 'unreadable') {
      // Whose data is kept can't be told without the session: none of it stays.
      await rm(join(this.deps.dataDir, SESSIONS_FOLDER), { recursive: true, force: true }).catch(() => undefined)
      this.signedOutReason = loaded.reason
      this.emit()
      return
    }
    if (loaded.kind === 'empty') return
    const { session, persistence } = loaded
    try {
      const environment = await resolveEnvironment(session.environment, this.deps.sandbox)
      if (signal.aborted) return
      const auth = this.activate(session.user, session.environment, environment, persistence, session)
      this.deps.logger.info('session restored', { environment: environment.info.kind, persistence })
      // The app stopped during a refresh: finish it now, while the platform's reuse interval still answers.
      if (session.refreshPendingSince !== null) {
        this.deps.logger.info('a refresh was interrupted; completing it')
        auth.refresh().catch(() => undefined)
      }
    } catch (error) {
      this.deps.logger.error('could not restore session', { error: String(error) })
    }
  }

  get state(): SessionState {
    const a = this.active
    if (a) {
      return {
        status: 'signedIn',
        user: a.user,
        environment: a.environment.info,
        persistence: a.persistence,
        connectivity: a.connectivity,
        retryAt: a.retryAt === null ? null : new Date(a.retryAt).toISOString(),
        personalData: a.files.place,
        notice: a.notice
      }
    }
    const reason = this.signedOutReason
    return {
      status: 'signedOut',
      reason,
      message: reason ? SIGNED_OUT_MESSAGES[reason] : null,
      lastEmail: this.deps.preferences.lastEmail,
      lastEnvironment: this.deps.preferences.lastEnvironment
    }
  }

  protection(): Promise<StorageProtection> {
    return this.storage.protection()
  }

  /** Where the active session keeps its data moves with it: one change at a time, like the session itself. */
  setWeakStorageChoice(subject: WeakStorageSubject, choice: WeakChoice): Promise<StorageProtection> {
    return this.transitions.run(async () => {
      if (await this.storage.setWeakChoice(this.active, subject, choice)) this.emit()
      return this.protection()
    })
  }

  /** Settings → Sign-in: keep the open session (and its personal data) on this computer, or in memory only. */
  setKeepSignedIn(keep: boolean): Promise<SessionState> {
    return this.transitions.run(async () => {
      const a = this.active
      if (!a) throw new AppError('not_signed_in', 'Sign in first.')
      await this.storage.setKeepSignedIn(a, keep)
      this.emit()
      return this.state
    })
  }

  /** Signs in; a sign-in, restore or sign-out already under way finishes first. */
  signIn(input: SignInInput): Promise<SessionState> {
    return this.transitions.run((signal) => this.signInNow(input, signal))
  }

  private async signInNow(input: SignInInput, signal: AbortSignal): Promise<SessionState> {
    const environment = await resolveEnvironment(input.environment, this.deps.sandbox)
    const client = this.deps.client(environment.info.url)
    const issuedAt = this.deps.clock.now()
    let tokens: TokenSet
    try {
      tokens = tokensFrom(await client.call('signIn', { body: { email: input.email, password: input.password }, signal }), issuedAt)
    } catch (error) {
      if (error instanceof PlatformError && (error.status === 401 || error.status === 400)) {
        throw new AppError('invalid_credentials', MESSAGES.invalidCredentials)
      }
      if (error instanceof PlatformError && error.failure.kind === 'http' && error.isRateLimited) {
        throw new AppError('rate_limited', `Too many attempts. Try again in ${secondsUntil(error.failure.retryAfterMs, 60_000)} s.`)
      }
      throw toAppError(error)
    }
    let user: User
    try {
      const me = await client.call('me', { accessToken: tokens.accessToken, signal })
      user = { id: me.user.id, name: me.user.name, email: me.user.email, role: me.user.role }
    } catch (error) {
      void this.revoke(client, tokens.refreshToken)
      throw toAppError(error)
    }
    if (signal.aborted) {
      // The app is quitting: this sign-in never becomes a session.
      void this.revoke(client, tokens.refreshToken)
      throw new AppError('cancelled', String(signal.reason instanceof Error ? signal.reason.message : 'Cancelled.'))
    }
    // Signing in as another account (or to another environment) signs the previous one out: its
    // session and its data end. The same account again only replaces the tokens: its data stays.
    const previous = this.active
    if (previous && sameSessionKey(previous.scope.key, { origin: environment.keyOrigin, userId: user.id })) {
      this.endActive('ended')
      void this.revoke(this.deps.client(previous.environment.info.url, 5_000), previous.auth.currentRefreshToken)
    } else if (previous) await this.signOutActive()
    const persistence = await this.storage.tokenPlace(input.keepSignedIn)
    this.signedOutReason = null
    this.deps.preferences.rememberSignIn(input.email, input.environment)
    const auth = this.activate(user, input.environment, environment, persistence, tokens)
    const a = this.active as ActiveSession | null
    if (a?.auth === auth && (await this.storage.persist(a, tokens))) this.emit()
    this.deps.logger.info('signed in', { environment: environment.info.kind, persistence: this.active?.persistence ?? persistence })
    return this.state
  }

  signOut(): Promise<SessionState> {
    return this.transitions.run(async () => {
      if (this.active) await this.signOutActive()
      this.signedOutReason = null
      this.emit()
      return this.state
    })
  }

  /** The live session's scope and work; throws when signed out. */
  requireSession(): { scope: SessionScope; auth: AuthSession; services: SessionServices; user: User } {
    const a = this.active
    if (!a) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
    return a
  }

  /** As requireSession, for the order calls: a Client User (or any non-vendor) is told this app is for appraisers. */
  requireVendor(): { scope: SessionScope; auth: AuthSession; services: SessionServices; user: User } {
    const session = this.requireSession()
    if (session.user.role !== VENDOR_ROLE) throw new AppError('forbidden', APPRAISERS_ONLY)
    return session
  }

  /** The live session's work, or null when signed out. */
  activeServices(): SessionServices | null {
    return this.active?.services ?? null
  }

  /** The system woke up or the network came back: renew now if offline or close to expiry. */
  async wake(): Promise<void> {
    const a = this.active
    if (!a) return
    if (a.connectivity === 'offline') await a.auth.refresh().catch(() => undefined)
    else await a.auth.wake()
  }

  /**
   * The app quits: a change under way is cancelled and none starts after it; then the session stops.
   * Resolves once what it asked to write (and the vault's last save or clear) has landed.
   */
  dispose(): Promise<void> {
    return this.transitions.close(async () => {
      const a = this.active
      a?.scope.dispose()
      await Promise.all([a?.files.settled(), this.deps.vault.flushed()])
    })
  }

  /** Only from a transition. A session still active is stopped first: two are never live at once. */
  private activate(user: User, choice: EnvironmentChoice, environment: ResolvedEnvironment, persistence: Persistence, tokens: TokenSet): AuthSession {
    if (this.active) {
      this.deps.logger.warn('a session was still active when another began; it is stopped first')
      this.endActive('ended')
    }
    const scope = new SessionScope({ origin: environment.keyOrigin, userId: user.id })
    const unreadable = new UnreadableFiles((text) => scope.ifLive(() => this.deps.notice(text)))
    const files = new SessionFiles({
      folder: join(this.deps.dataDir, SESSIONS_FOLDER, scope.id),
      cipher: this.deps.cipher,
      logger: this.deps.logger,
      place: this.storage.personalDataPlace(persistence),
      isLive: () => scope.live,
      initial: this.parked.get(scope.id),
      unreadable: (file) => unreadable.add(file)
    })
    this.parked.delete(scope.id)
    const isCurrent = () => this.active?.scope === scope && scope.live
    const auth: AuthSession = new AuthSession(
      this.deps.client(environment.info.url),
      scope.clock(this.deps.clock),
      { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt },
      {
        onRefreshStarting: (current) => (isCurrent() ? this.persistNow(current, this.deps.clock.now()) : Promise.resolve()),
        onTokensRotated: (next) => (isCurrent() ? this.persistNow(next) : Promise.resolve()),
        onSessionEnded: () =>
          void this.transitions
            .run(async () => {
              if (!isCurrent()) return
              this.endActive('ended')
              void this.deps.vault.clear()
              this.signedOutReason = 'session_ended'
              this.emit()
            })
            .catch(() => undefined),
        onConnectivity: (state, retryAt = null) => {
          const current = this.active
          if (!current || !isCurrent() || (current.connectivity === state && current.retryAt === retryAt)) return
          current.connectivity = state
          current.retryAt = state === 'slowed' ? retryAt : null
          this.emit()
        }
      },
      this.deps.logger,
      scope.signal
    )
    const services = this.deps.createServices(scope, auth, user, files)
    this.active = {
      scope,
      auth,
      services,
      files,
      user,
      choice,
      environment,
      persistence,
      connectivity: 'online',
      retryAt: null,
      notice: null,
      vaultTicket: this.deps.vault.begin(),
      currentTokens: () => auth.currentTokens(),
      isLive: () => scope.live
    }
    this.emit()
    services.sync?.start()
    this.deps.onSignedIn()
    return auth
  }

  private async persistNow(tokens: TokenSet, refreshPendingSince: number | null = null): Promise<void> {
    const a = this.active
    if (a && (await this.storage.persist(a, tokens, refreshPendingSince))) this.emit()
  }

  /**
   * The session stops: its scope is disposed (requests cancelled, timers stopped, nothing more
   * written or shown). Signed out, its data goes too; merely ended, what it held in memory waits
   * for the same account's next sign-in (its files on disk stay where only that key finds them).
   */
  private endActive(how: 'signedOut' | 'ended'): ActiveSession | null {
    const a = this.active
    if (!a) return null
    this.active = null
    a.scope.dispose()
    if (how === 'ended' && a.files.place === 'memory') this.parked.set(a.scope.id, a.files.snapshot())
    return a
  }

  private async signOutActive(): Promise<void> {
    // A session just restored may not have read its queue yet: what it holds is said, never dropped unsaid.
    await this.active?.services.queue.ready()
    const waiting = this.active?.services.queue.all() ?? []
    const a = this.endActive('signedOut')
    if (!a) return
    const refreshToken = a.auth.currentRefreshToken
    // Waits for any save in progress (a refresh's), then removes the session; nothing is written after.
    await this.deps.vault.clear()
    this.parked.delete(a.scope.id)
    // Said once the session can no longer come back and before its queue is wiped: a crash loses neither.
    if (waiting.length > 0) {
      const what = waiting.map((p) => `“${actionLabel(p.action.type)}” for ${p.orderLabel}`).join(', ')
      this.deps.notice(`Signed out before it could be sent, so this was not sent: ${what}.`)
    }
    await a.files.wipe().catch((error: unknown) => this.deps.logger.warn('the signed-out session’s data could not be removed', { error: error instanceof Error ? error.name : 'unknown' }))
    await this.revoke(this.deps.client(a.environment.info.url, 5_000), refreshToken)
    this.deps.logger.info('signed out')
  }

  /** Best effort: the local sign-out has already happened whatever the server says. */
  private async revoke(client: PlatformClient, refreshToken: string): Promise<void> {
    try {
      await client.call('signOut', { body: { refreshToken } })
    } catch (error) {
      this.deps.logger.warn('server sign-out failed (local session already cleared)', { error: error instanceof Error ? error.message : 'unknown' })
    }
  }

  private emit(): void {
    this.deps.onStateChanged(this.state)
  }
}
