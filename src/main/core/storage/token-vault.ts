import { z } from 'zod'
import { EnvironmentChoiceSchema, UserSchema, type Persistence, type StorageProtection } from '../../../shared/ipc/session-schemas'
import type { KeyValueStore, Logger, SecretCipher } from '../ports'

/** What a saved session holds. Only ever written encrypted. */
export const StoredSessionSchema = z.object({
  /** The choice, not its URL: the embedded sandbox gets a new port on every launch. */
  environment: EnvironmentChoiceSchema,
  user: UserSchema,
  accessToken: z.string(),
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string()
})
export type StoredSession = z.infer<typeof StoredSessionSchema>

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
  | { kind: 'loaded'; session: StoredSession; persistence: Persistence }
  | { kind: 'unreadable'; reason: 'vault_unreadable' | 'vault_corrupt' }

const VAULT_KEY = 'sessionVault'

/** Classifies a backend. Linux basic_text uses a hard-coded key: it is obfuscation, not encryption. */
export function protectionLevel(backend: string, available: boolean): StorageProtection['level'] {
  if (!available || backend === 'unavailable') return 'unavailable'
  if (backend === 'basic_text') return 'weak'
  return 'encrypted'
}

/**
 * The encrypted session store: tokens encrypted by the OS (safeStorage) and kept in the
 * key-value store. Anything it cannot read means "signed out", never a crash.
 */
export class TokenVault {
  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger
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

  async save(session: StoredSession, persistence: 'encrypted' | 'weak'): Promise<void> {
    const { backend } = await this.level()
    const ciphertext = await this.cipher.encrypt(JSON.stringify(StoredSessionSchema.parse(session)))
    this.store.set(VAULT_KEY, {
      version: 1,
      backend,
      persistence,
      ciphertext: Buffer.from(ciphertext).toString('base64'),
      savedAt: new Date().toISOString()
    })
  }

  async load(): Promise<VaultLoad> {
    const raw = this.store.get(VAULT_KEY)
    if (this.store.takeRecoveredFromCorruption()) return { kind: 'unreadable', reason: 'vault_corrupt' }
    if (raw === undefined) return { kind: 'empty' }
    const record = VaultRecordSchema.safeParse(raw)
    if (!record.success) {
      this.clear()
      return { kind: 'unreadable', reason: 'vault_corrupt' }
    }
    const { backend, level } = await this.level()
    if (level === 'unavailable' || backend !== record.data.backend) {
      this.logger.warn('saved session was encrypted by another secret backend', { saved: record.data.backend, now: backend })
      this.clear()
      return { kind: 'unreadable', reason: 'vault_unreadable' }
    }
    try {
      const plaintext = await this.cipher.decrypt(Buffer.from(record.data.ciphertext, 'base64'))
      const session = StoredSessionSchema.parse(JSON.parse(plaintext))
      return { kind: 'loaded', session, persistence: record.data.persistence }
    } catch (error) {
      this.logger.warn('saved session could not be decrypted', { error: error instanceof Error ? error.name : 'unknown' })
      this.clear()
      return { kind: 'unreadable', reason: 'vault_unreadable' }
    }
  }

  clear(): void {
    this.store.delete(VAULT_KEY)
  }
}
