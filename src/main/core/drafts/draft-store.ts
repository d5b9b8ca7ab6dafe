import { z } from 'zod'
import { DraftValueSchema } from '../../../shared/ipc/order-schemas'
import type { KeyValueStore } from '../ports'

const StoredDraftsSchema = z.record(z.string(), z.object({ value: DraftValueSchema, savedAt: z.number() }))
const MAX_DRAFTS = 200
/** All drafts together; the oldest give way to a new one beyond this. */
export const MAX_ALL_DRAFTS_BYTES = 1024 * 1024

/**
 * Text typed into forms, kept per user until it is sent or discarded, so a forced sign-in or a
 * restart loses nothing. Not secret, but personal: kept apart per user id.
 */
export class DraftStore {
  constructor(private readonly store: KeyValueStore) {}

  get(userId: string, key: string): z.infer<typeof DraftValueSchema> | null {
    return this.all()[`${userId}/${key}`]?.value ?? null
  }

  save(userId: string, key: string, value: z.infer<typeof DraftValueSchema>): void {
    const drafts = this.all()
    drafts[`${userId}/${key}`] = { value, savedAt: Date.now() }
    const keys = Object.keys(drafts).sort((a, b) => (drafts[b]?.savedAt ?? 0) - (drafts[a]?.savedAt ?? 0))
    for (const old of keys.slice(MAX_DRAFTS)) delete drafts[old]
    for (const old of keys.slice(1).reverse()) {
      if (JSON.stringify(drafts).length <= MAX_ALL_DRAFTS_BYTES) break
      delete drafts[old]
    }
    this.store.set('drafts', drafts)
  }

  discard(userId: string, key: string): void {
    const drafts = this.all()
    delete drafts[`${userId}/${key}`]
    this.store.set('drafts', drafts)
  }

  private all(): z.infer<typeof StoredDraftsSchema> {
    const parsed = StoredDraftsSchema.safeParse(this.store.get('drafts'))
    return parsed.success ? parsed.data : {}
  }
}
