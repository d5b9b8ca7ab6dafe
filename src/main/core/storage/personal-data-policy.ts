/**
 * Where secrets and personal data live — decided here and nowhere else (as Element's store.ts
 * keeps its whole secret policy in one file). From the one "Keep me signed in on this computer"
 * choice and the keychain backend, it places:
 * - the tokens: in the keychain-encrypted vault, in the vault with weak protection (Linux
 *   basic_text, only when the user accepted that for the sign-in), or in memory;
 * - the session's personal data — the offline data key, the offline copy of orders (borrower names,
 *   contacts), queued field actions, drafts, notification memory: on disk encrypted under a
 *   keychain-sealed data key, or in memory. With a weak backend it goes to disk only if the user
 *   accepted that for it too, in words that say borrower data is involved.
 * A session not kept on this computer writes no personal data to disk.
 */
import type { Persistence, StorageProtection } from '../../../shared/ipc/session-schemas'

export type ProtectionLevel = StorageProtection['level']
export type WeakChoice = 'memory' | 'weak'

/** Where the session's personal data lives: 'disk' is always encrypted (AES-256-GCM, a keychain-sealed key). */
export type PersonalDataPlace = 'disk' | 'memory'

export interface StorageFacts {
  /** The user asked to stay signed in on this computer. */
  keepSignedIn: boolean
  /** What the OS keychain offers now. */
  level: ProtectionLevel
  /** The user's answer for the sign-in, where only weak storage exists (null: not asked yet). */
  weakTokens: WeakChoice | null
  /** The user's answer for the offline copy (borrower data), where only weak storage exists. */
  weakPersonalData: WeakChoice | null
}

/** Where the tokens go. */
export function tokenPlace(facts: StorageFacts): Persistence {
  if (!facts.keepSignedIn) return 'memory'
  if (facts.level === 'encrypted') return 'encrypted'
  if (facts.level === 'weak' && facts.weakTokens === 'weak') return 'weak'
  return 'memory'
}

/**
 * Where the session's personal data goes, given where its tokens ended up (a keychain that
 * refused the vault leaves the tokens in memory, and then nothing personal is written either).
 */
export function personalDataPlace(tokens: Persistence, facts: Pick<StorageFacts, 'weakPersonalData'>): PersonalDataPlace {
  if (tokens === 'encrypted') return 'disk'
  if (tokens === 'weak' && facts.weakPersonalData === 'weak') return 'disk'
  return 'memory'
}
