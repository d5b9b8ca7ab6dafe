/** The encrypted session vault: tokens encrypted by the OS keychain, in one file, written in order. */
import { readFile, rm } from 'node:fs/promises'
import { z } from 'zod'
import { EnvironmentChoiceSchema, UserSchema, type Persistence, type StorageProtection } from '../../../shared/ipc/session-schemas'
import type { KeyValueStore, Logger, SecretCipher } from '../ports'
import { writeFileAtomic } from './secure-file'
import { protectionLevel, savedSessionOpens } from './personal-data-policy'

/** What a saved session holds. Only ever written encrypted. */
export const StoredSessionSchema = z.object({
  /** The choice, not its URL: the embedded sandbox gets a new port on every launch. */
  environment: EnvironmentChoiceSchema,
  user: UserSchema,
  accessToken: z.string(),
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string(),
  /** Set while a refresh is in flight: at the next start, finish it at once (the platform's reuse interval answers it again). */
  refreshPendingSince: z.number().nullable().default(null)
})
export type StoredSession = z.input<typeof StoredSessionSchema>

const VaultRecordSchema = z.object({
  version: z.literal(1),
  /** The safeStorage backend that encrypted it; a different backend later cannot decrypt it. */
  backend: z.string(),
  persistence: z.enum(['encrypted', 'weak']),
  ciphertext: z.string(),
  savedAt: z.string()
})

export type VaultLoad =
  | { kind: 'empty' }
  | { kind: 'loaded'; session: z.output<typeof StoredSessionSchema>; persistence: Persistence }
  | { kind: 'unreadable'; reason: 'vault_unreadable' | 'vault_corrupt' }

/** Where versions before the vault file kept it, inside config.json. */
const LEGACY_KEY = 'sessionVault'


/**
 * The encrypted session store: tokens encrypted by the OS (safeStorage), in a file of their own
 * written atomically and flushed (mode 0600). Every write goes through one queue, in order;
 * `clear()` (sign-out) waits for the writes before it and makes every later save of that
 * session a no-op, so nothing is written after a sign-out. Anything it cannot read means
 * "signed out", never a crash.
 */
export class TokenVault {
  private queue: Promise<void> = Promise.resolve()
  private generation = 0

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger,
    private readonly legacyStore?: KeyValueStore
  ) {}

  async level(): Promise<{ backend: string; level: StorageProtection['level'] }> {
    try {
      const [backend, available] = await Promise.all([this.cipher.backend(), this.cipher.isEncryptionAvailable()])
      return { backend, level: protectionLevel(backend, available) }
    } catch (error) {
      this.logger.warn('secret storage could not be queried', { error: String(error) })
      return { backend: 'unavailable', level: 'unavailable' }
    }
  }

  /** A new session begins (sign-in or restore): returns its ticket for save(). */
  begin(): number {
    return ++this.generation
  }

  /** Encrypts and writes the session, after every earlier write; a no-op if that session has since ended. Rejects if the keychain or the disk fails. */
  save(session: StoredSession, persistence: 'encrypted' | 'weak', ticket: number): Promise<void> {
    return this.enqueue(async () => {
      if (ticket !== this.generation) return
      const { backend } = await this.level()
      const ciphertext = await this.cipher.encrypt(JSON.stringify(StoredSessionSchema.parse(session)))
      if (ticket !== this.generation) return
      const record = { version: 1, backend, persistence, ciphertext: Buffer.from(ciphertext).toString('base64'), savedAt: new Date().toISOString() }
      await writeFileAtomic(this.file, JSON.stringify(record))
    })
  }

  /** Removes the saved session once the writes before it are done; later saves of that session are dropped. */
  clear(): Promise<void> {
    this.generation++
    return this.enqueue(async () => {
      await rm(this.file, { force: true })
      this.legacyStore?.delete(LEGACY_KEY)
    })
  }

  async load(): Promise<VaultLoad> {
    await this.migrateLegacy()
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'empty' }
      this.logger.warn('saved session could not be read', { error: (error as NodeJS.ErrnoException).code ?? 'unknown' })
      return { kind: 'unreadable', reason: 'vault_unreadable' }
    }
    let record: z.infer<typeof VaultRecordSchema>
    try {
      record = VaultRecordSchema.parse(JSON.parse(text))
    } catch {
      await this.clear()
      return { kind: 'unreadable', reason: 'vault_corrupt' }
    }
    const { backend, level } = await this.level()
    if (!savedSessionOpens({ savedWith: record.backend, backend, level })) {
      this.logger.warn('saved session was encrypted by another secret backend', { saved: record.backend, now: backend })
      await this.clear()
      return { kind: 'unreadable', reason: 'vault_unreadable' }
    }
    try {
      const plaintext = await this.cipher.decrypt(Buffer.from(record.ciphertext, 'base64'))
      const session = StoredSessionSchema.parse(JSON.parse(plaintext))
      return { kind: 'loaded', session, persistence: record.persistence }
    } catch (error) {
      this.logger.warn('saved session could not be decrypted', { error: error instanceof Error ? error.name : 'unknown' })
      await this.clear()
      return { kind: 'unreadable', reason: 'vault_unreadable' }
    }
  }

  /** Writes that were queued so far have finished (tests, and quitting). */
  flushed(): Promise<void> {
    return this.enqueue(async () => undefined)
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async migrateLegacy(): Promise<void> {
    const legacy = this.legacyStore?.get(LEGACY_KEY)
    if (legacy === undefined) return
    const parsed = VaultRecordSchema.safeParse(legacy)
    await this.enqueue(async () => {
      if (parsed.success) await writeFileAtomic(this.file, JSON.stringify(parsed.data))
      this.legacyStore?.delete(LEGACY_KEY)
    })
  }
}
