/**
 * Applies the personal-data policy to the session that is open: saves its tokens where the policy
 * places them (the vault), moves its personal data between disk and memory when the user changes
 * "Keep me signed in" or answers the weak-storage questions, and falls back to memory — saying
 * so — when the keychain refuses.
 */
import type { EnvironmentChoice, Persistence, StorageProtection, User } from '../../../shared/ipc/session-schemas'
import type { Logger } from '../ports'
import { personalDataPlace, tokenPlace, type WeakChoice } from '../storage/personal-data-policy'
import type { Preferences } from '../storage/preferences'
import type { SessionFiles } from '../storage/session-files'
import type { StoredSession, TokenVault } from '../storage/token-vault'
import type { TokenSet } from './token-timing'

export const NO_KEYCHAIN_NOTICE = "This computer has no keychain to keep your session safely, so you'll stay signed in only while the app is open."
export const MEMORY_ONLY_NOTICE = "Your system keychain couldn't save the session, so you'll stay signed in only while the app is open."

/** What of the open session its storage concerns. */
export interface KeptSession {
  user: User
  choice: EnvironmentChoice
  persistence: Persistence
  notice: string | null
  /** The vault's ticket for this session: saves after a sign-out are dropped. */
  vaultTicket: number
  files: SessionFiles
  currentTokens(): TokenSet
  isLive(): boolean
}

export type WeakStorageSubject = 'signIn' | 'offlineCopy'

export class SessionStorage {
  constructor(
    private readonly vault: TokenVault,
    private readonly preferences: Preferences,
    private readonly logger: Logger
  ) {}

  async protection(): Promise<StorageProtection> {
    const { backend, level } = await this.vault.level()
    return { backend, level, weakStorageChoice: this.preferences.weakStorageChoice, weakOfflineCopyChoice: this.preferences.weakPersonalDataChoice }
  }

  /** Where a new session's tokens go; the vault is cleared when they won't be kept on disk. */
  async tokenPlace(keepSignedIn: boolean): Promise<Persistence> {
    const { level } = await this.vault.level()
    const place = tokenPlace({ keepSignedIn, level, weakTokens: this.preferences.weakStorageChoice, weakPersonalData: this.preferences.weakPersonalDataChoice })
    if (place === 'memory') await this.vault.clear()
    return place
  }

  personalDataPlace(persistence: Persistence) {
    return personalDataPlace(persistence, { weakPersonalData: this.preferences.weakPersonalDataChoice })
  }

  /**
   * Saves the session's tokens durably. If the keychain (or the disk) refuses, the session carries
   * on in memory only, its personal data too, and says so. True when the session changed.
   */
  async persist(session: KeptSession, tokens: TokenSet, refreshPendingSince: number | null = null): Promise<boolean> {
    if (session.persistence === 'memory' || !session.isLive()) return false
    const stored: StoredSession = { environment: session.choice, user: session.user, ...tokens, refreshPendingSince }
    try {
      await this.vault.save(stored, session.persistence, session.vaultTicket)
      return false
    } catch (error) {
      this.logger.error('the keychain could not save the session; keeping it in memory only', { error: error instanceof Error ? error.name : 'unknown' })
      if (!session.isLive()) return false
      await this.keepInMemory(session, MEMORY_ONLY_NOTICE)
      return true
    }
  }

  /** Settings → Sign-in: stop keeping the open session on disk, or start keeping it where the policy allows. */
  async setKeepSignedIn(session: KeptSession, keep: boolean): Promise<void> {
    if (!keep) return this.keepInMemory(session, null)
    if (session.persistence !== 'memory') return
    const persistence = await this.tokenPlace(true)
    if (!session.isLive()) return
    session.persistence = persistence
    session.notice = persistence === 'memory' ? NO_KEYCHAIN_NOTICE : null
    // The clear that made it memory-only closed the old ticket: this is a new life on disk.
    session.vaultTicket = this.vault.begin()
    await session.files.setPlace(this.personalDataPlace(persistence))
    await this.persist(session, session.currentTokens())
  }

  /** The user's answer where only weak storage exists, for the sign-in or for the offline copy; applied to the open session. */
  async setWeakChoice(session: KeptSession | null, subject: WeakStorageSubject, choice: WeakChoice): Promise<boolean> {
    if (subject === 'signIn') this.preferences.weakStorageChoice = choice
    else this.preferences.weakPersonalDataChoice = choice
    if (!session || session.persistence === 'encrypted' || (await this.vault.level()).level !== 'weak') return false
    if (subject === 'signIn' && choice === 'memory') await this.keepInMemory(session, null)
    else await session.files.setPlace(this.personalDataPlace(session.persistence))
    return true
  }

  private async keepInMemory(session: KeptSession, notice: string | null): Promise<void> {
    session.persistence = 'memory'
    session.notice = notice
    await this.vault.clear()
    await session.files.setPlace('memory')
  }
}
