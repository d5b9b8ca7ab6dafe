import type {
  EnvironmentChoice,
  EnvironmentInfo,
  Persistence,
  SessionState,
  SignInInput,
  SignedOutReason,
  StorageProtection,
  User
} from '../../../shared/ipc/session-schemas'
import { AppError, MESSAGES } from '../errors'
import { PlatformClient } from '../platform/platform-client'
import { PlatformError } from '../platform/platform-error'
import { toAppError } from '../platform/to-app-error'
import type { Clock, HttpFetch, Logger, SandboxProvider } from '../ports'
import type { RequestJournal } from '../platform/request-journal'
import type { Preferences, WeakStorageChoice } from '../storage/preferences'
import type { StoredSession, TokenVault } from '../storage/token-vault'
import { resolveEnvironment } from './environments'
import { AuthSession, tokensFrom, type Connectivity, type TokenSet } from './auth-session'
import { secondsUntil } from '../platform/to-app-error'

export interface SessionDeps {
  vault: TokenVault
  preferences: Preferences
  fetch: HttpFetch
  clock: Clock
  logger: Logger
  sandbox: SandboxProvider
  journal: RequestJournal
  onStateChanged(state: SessionState): void
}

interface ActiveSession {
  auth: AuthSession
  user: User
  choice: EnvironmentChoice
  environment: EnvironmentInfo
  persistence: Persistence
  connectivity: Connectivity
  retryAt: number | null
  notice: string | null
  /** The vault's ticket for this session: saves after a sign-out are dropped. */
  vaultTicket: number
}

export const NO_KEYCHAIN_NOTICE = "This computer has no keychain to keep your session safely, so you'll stay signed in only while the app is open."
export const MEMORY_ONLY_NOTICE = "Your system keychain couldn't save the session, so you'll stay signed in only while the app is open."


const SIGNED_OUT_MESSAGES: Record<SignedOutReason, string> = {
  session_ended: MESSAGES.sessionEnded,
  password_changed: 'Your password was changed. Sign in with the new password.',
  vault_unreadable: "Your saved sign-in couldn't be unlocked by this computer's keychain. Sign in again.",
  vault_corrupt: 'Your saved sign-in was damaged and has been cleared. Sign in again.'
}

/** Sign-in, restore, sign-out and the state the renderer shows. Tokens never leave this object. */
export class SessionService {
  private active: ActiveSession | null = null
  private signedOutReason: SignedOutReason | null = null

  constructor(private readonly deps: SessionDeps) {}

  /** Restores a saved session at launch. Never throws: anything unreadable means signed out. */
  async restore(): Promise<void> {
    const loaded = await this.deps.vault.load()
    if (loaded.kind === 'unreadable') {
      this.signedOutReason = loaded.reason
      this.emit()
      return
    }
    if (loaded.kind === 'empty') return
    const { session, persistence } = loaded
    try {
      const environment = await resolveEnvironment(session.environment, this.deps.sandbox)
      const auth = this.activate(session.user, session.environment, environment, persistence, session)
      this.deps.logger.info('session restored', { environment: environment.kind, persistence })
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
        environment: a.environment,
        persistence: a.persistence,
        connectivity: a.connectivity,
        retryAt: a.retryAt === null ? null : new Date(a.retryAt).toISOString(),
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

  async protection(): Promise<StorageProtection> {
    const { backend, level } = await this.deps.vault.level()
    return { backend, level, weakStorageChoice: this.deps.preferences.weakStorageChoice }
  }

  async setWeakStorageChoice(choice: WeakStorageChoice): Promise<StorageProtection> {
    this.deps.preferences.weakStorageChoice = choice
    const a = this.active
    if (a && a.persistence !== 'encrypted' && (await this.deps.vault.level()).level === 'weak') {
      // Apply the new choice to the session that is already open.
      if (choice === 'memory') {
        a.persistence = 'memory'
        await this.deps.vault.clear()
      }
      this.emit()
    }
    return this.protection()
  }

  /**
   * Settings → Sign-in: stop keeping the open session on disk (it lives in memory until the app
   * closes), or start keeping it — in the keychain, or with weak protection if the user chose that
   * where there is no keychain. Where it can't be kept, it stays in memory and says why.
   */
  async setKeepSignedIn(keep: boolean): Promise<SessionState> {
    const a = this.active
    if (!a) throw new AppError('not_signed_in', 'Sign in first.')
    if (!keep) {
      a.persistence = 'memory'
      a.notice = null
      await this.deps.vault.clear()
    } else if (a.persistence === 'memory') {
      const persistence = await this.choosePersistence(true)
      if (this.active !== a) return this.state
      a.persistence = persistence
      a.notice = persistence === 'memory' ? NO_KEYCHAIN_NOTICE : null
      // The clear that made it memory-only closed the old ticket: this is a new life on disk.
      a.vaultTicket = this.deps.vault.begin()
      await this.persist(a.auth.currentTokens())
    }
    this.emit()
    return this.state
  }

  async signIn(input: SignInInput): Promise<SessionState> {
    const environment = await resolveEnvironment(input.environment, this.deps.sandbox)
    const client = this.platformClient(environment.url)
    const issuedAt = this.deps.clock.now()
    let tokens: TokenSet
    try {
      tokens = tokensFrom(await client.call('signIn', { body: { email: input.email, password: input.password } }), issuedAt)
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
      const me = await client.call('me', { accessToken: tokens.accessToken })
      user = { id: me.user.id, name: me.user.name, email: me.user.email, role: me.user.role }
    } catch (error) {
      void this.revoke(client, tokens.refreshToken)
      throw toAppError(error)
    }
    // Signing in again ends the previous session on the server too.
    const previous = this.active
    if (previous) void this.revoke(this.platformClient(previous.environment.url, 5_000), previous.auth.currentRefreshToken)
    this.endActive()
    const persistence = await this.choosePersistence(input.keepSignedIn)
    this.signedOutReason = null
    this.deps.preferences.rememberSignIn(input.email, input.environment)
    this.activate(user, input.environment, environment, persistence, tokens)
    await this.persist(tokens)
    this.deps.logger.info('signed in', { environment: environment.kind, persistence: this.active?.persistence ?? persistence })
    return this.state
  }

  async signOut(): Promise<SessionState> {
    const a = this.active
    if (a) {
      const client = this.platformClient(a.environment.url, 5_000)
      const refreshToken = a.auth.currentRefreshToken
      this.endActive()
      // Waits for any save in progress (a refresh's), then removes the session; nothing is written after.
      await this.deps.vault.clear()
      await this.revoke(client, refreshToken)
      this.deps.logger.info('signed out')
    }
    this.signedOutReason = null
    this.emit()
    return this.state
  }

  async requestPasswordReset(choice: EnvironmentChoice, email: string): Promise<{ message: string }> {
    const client = await this.clientFor(choice)
    try {
      return await client.call('forgotPassword', { body: { email } })
    } catch (error) {
      throw toAppError(error)
    }
  }

  async resetPassword(choice: EnvironmentChoice, email: string, code: string, newPassword: string): Promise<void> {
    const client = await this.clientFor(choice)
    try {
      await client.call('resetPassword', { body: { email, code, newPassword } })
    } catch (error) {
      if (error instanceof PlatformError && (error.status === 400 || error.status === 422)) {
        const f = error.failure
        const message = f.kind === 'http' && f.serverMessage ? f.serverMessage : 'That reset code is not valid or has expired.'
        throw new AppError(f.kind === 'http' && f.code === 'weak_password' ? 'validation' : 'invalid_reset_code', message)
      }
      throw toAppError(error)
    }
    this.deps.preferences.rememberSignIn(email, choice)
  }

  /** The authorised caller for the current session; throws when signed out. */
  requireAuth(): AuthSession {
    if (!this.active) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
    return this.active.auth
  }

  requireUser(): User {
    if (!this.active) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
    return this.active.user
  }

  /** The system woke up or the network came back: renew now if offline or close to expiry. */
  async wake(): Promise<void> {
    const a = this.active
    if (!a) return
    if (a.connectivity === 'offline') await a.auth.refresh().catch(() => undefined)
    else await a.auth.wake()
  }

  dispose(): void {
    this.active?.auth.dispose()
  }

  private activate(
    user: User,
    choice: EnvironmentChoice,
    environment: EnvironmentInfo,
    persistence: Persistence,
    tokens: TokenSet
  ): AuthSession {
    const client = this.platformClient(environment.url)
    const isCurrent = () => this.active?.auth === auth
    const auth: AuthSession = new AuthSession(
      client,
      this.deps.clock,
      { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt },
      {
        onRefreshStarting: (current) => (isCurrent() ? this.persist(current, this.deps.clock.now()) : Promise.resolve()),
        onTokensRotated: (next) => (isCurrent() ? this.persist(next) : Promise.resolve()),
        onSessionEnded: () => {
          if (!isCurrent()) return
          this.active = null
          void this.deps.vault.clear()
          this.signedOutReason = 'session_ended'
          this.emit()
        },
        onConnectivity: (state, retryAt = null) => {
          const current = this.active
          if (!current || !isCurrent() || (current.connectivity === state && current.retryAt === retryAt)) return
          current.connectivity = state
          current.retryAt = state === 'slowed' ? retryAt : null
          this.emit()
        }
      },
      this.deps.logger
    )
    const session: ActiveSession = { auth, user, choice, environment, persistence, connectivity: 'online', retryAt: null, notice: null, vaultTicket: this.deps.vault.begin() }
    this.active = session
    this.emit()
    return auth
  }

  /**
   * Saves the session durably. If the keychain (or the disk) refuses, the session carries on in
   * memory only, and says so — main and the renderer agree on what happened.
   */
  private async persist(tokens: TokenSet, refreshPendingSince: number | null = null): Promise<void> {
    const a = this.active
    if (!a || a.persistence === 'memory') return
    const stored: StoredSession = { environment: a.choice, user: a.user, ...tokens, refreshPendingSince }
    try {
      await this.deps.vault.save(stored, a.persistence, a.vaultTicket)
    } catch (error) {
      this.deps.logger.error('the keychain could not save the session; keeping it in memory only', { error: error instanceof Error ? error.name : 'unknown' })
      if (this.active !== a) return
      a.persistence = 'memory'
      a.notice = MEMORY_ONLY_NOTICE
      await this.deps.vault.clear()
      this.emit()
    }
  }

  private async choosePersistence(keepSignedIn: boolean): Promise<Persistence> {
    if (!keepSignedIn) {
      await this.deps.vault.clear()
      return 'memory'
    }
    const { level } = await this.deps.vault.level()
    if (level === 'encrypted') return 'encrypted'
    if (level === 'weak' && this.deps.preferences.weakStorageChoice === 'weak') return 'weak'
    await this.deps.vault.clear()
    return 'memory'
  }

  private endActive(): void {
    this.active?.auth.dispose()
    this.active = null
  }

  private platformClient(baseUrl: string, timeoutMs?: number): PlatformClient {
    return new PlatformClient(baseUrl, { fetch: this.deps.fetch, logger: this.deps.logger, journal: this.deps.journal, timeoutMs })
  }

  private async clientFor(choice: EnvironmentChoice): Promise<PlatformClient> {
    const environment = await resolveEnvironment(choice, this.deps.sandbox)
    return this.platformClient(environment.url)
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
