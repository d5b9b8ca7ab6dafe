/**
 * Text typed into forms, kept until it is sent or discarded, so a forced sign-in or a restart
 * loses nothing. It can hold a borrower's name and phone, so it is the session's personal data:
 * in the session's files (encrypted on disk, or in memory only), removed at sign-out.
 */
import { z } from 'zod'
import { DraftValueSchema } from '../../../shared/ipc/order-schemas'
import type { KeyValueStore } from '../ports'
import type { SessionFiles } from '../storage/session-files'
import { serialQueue } from '../storage/serial'

const StoredDraftSchema = z.object({ value: DraftValueSchema, savedAt: z.number() })
type StoredDraft = z.infer<typeof StoredDraftSchema>
/** Before drafts were kept as entries, a plain record; read, never written. */
const StoredDraftsSchema = z.record(z.string(), StoredDraftSchema)
type StoredDrafts = z.infer<typeof StoredDraftsSchema>
/**
 * As entries, not a record: any key the window may use — `__proto__`, `constructor` — is a key
 * like another, never an object's prototype.
 */
const DraftFileSchema = z.union([z.object({ entries: z.array(z.tuple([z.string(), StoredDraftSchema])) }), StoredDraftsSchema])
type Drafts = Map<string, StoredDraft>
const MAX_DRAFTS = 200
/** All drafts together; the oldest give way to a new one beyond this. */
export const MAX_ALL_DRAFTS_BYTES = 1024 * 1024
const FILE = 'drafts.json'

export class DraftStore {
  private readonly serial = serialQueue()

  constructor(
    private readonly files: SessionFiles,
    private readonly now: () => number
  ) {}

  async get(key: string): Promise<z.infer<typeof DraftValueSchema> | null> {
    return (await this.all()).get(key)?.value ?? null
  }

  save(key: string, value: z.infer<typeof DraftValueSchema>): Promise<void> {
    return this.serial(() => this.saveNow(key, value))
  }

  private async saveNow(key: string, value: z.infer<typeof DraftValueSchema>): Promise<void> {
    const drafts = await this.all()
    drafts.set(key, { value, savedAt: this.now() })
    const keys = [...drafts.keys()].sort((a, b) => (drafts.get(b)?.savedAt ?? 0) - (drafts.get(a)?.savedAt ?? 0))
    for (const old of keys.slice(MAX_DRAFTS)) drafts.delete(old)
    for (const old of keys.slice(1).reverse()) {
      if (JSON.stringify([...drafts]).length <= MAX_ALL_DRAFTS_BYTES) break
      drafts.delete(old)
    }
    await this.write(drafts)
  }

  discard(key: string): Promise<void> {
    return this.serial(async () => {
      const drafts = await this.all()
      drafts.delete(key)
      await this.write(drafts)
    })
  }

  /** Drafts an earlier version kept in config.json for this user: taken over once. */
  adopt(legacy: StoredDrafts): Promise<void> {
    if (Object.keys(legacy).length === 0) return Promise.resolve()
    return this.serial(async () => this.write(new Map([...Object.entries(legacy), ...(await this.all())])))
  }

  private write(drafts: Drafts): Promise<void> {
    return this.files.write(FILE, { entries: [...drafts] })
  }

  private async all(): Promise<Drafts> {
    const saved = await this.files.read(FILE, DraftFileSchema)
    if (!saved) return new Map()
    return new Map('entries' in saved && Array.isArray(saved.entries) ? (saved.entries as [string, StoredDraft][]) : Object.entries(saved as StoredDrafts))
  }
}

const LEGACY_KEY = 'drafts'
const LegacyDraftsSchema = StoredDraftsSchema

/**
 * Versions before session scopes kept every account's drafts in plain config.json. The restored
 * account's are handed over (to be kept as the policy says); the key is removed either way.
 */
export function takeLegacyDrafts(store: KeyValueStore, userId: string): StoredDrafts {
  const raw = store.get(LEGACY_KEY)
  if (raw === undefined) return {}
  store.delete(LEGACY_KEY)
  const parsed = LegacyDraftsSchema.safeParse(raw)
  if (!parsed.success) return {}
  const prefix = `${userId}/`
  return Object.fromEntries(Object.entries(parsed.data).flatMap(([key, draft]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), draft]] : [])))
}
