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
/** Classifies a keychain backend. Linux basic_text uses a hard-coded key: it is obfuscation, not encryption. */
export function protectionLevel(backend: string, available: boolean): ProtectionLevel {
  if (!available || backend === 'unavailable') return 'unavailable'
  if (backend === 'basic_text') return 'weak'
  return 'encrypted'
}

/**
 * A saved sign-in is opened only by the keychain backend that sealed it: another one (the user
 * moved the profile, the desktop's keyring changed) cannot, and the saved session is cleared.
 */
export const savedSessionOpens = (facts: { savedWith: string; backend: string; level: ProtectionLevel }) => facts.level !== 'unavailable' && facts.backend === facts.savedWith

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

/**
 * What a log record's field may carry, by its name. 'safe': the app's own facts (states, counts,
 * ids, kinds) or error text, written after the scrubber has decoded and masked it; 'secret': never
 * written ([redacted]); 'personal': never written ([withheld]). A field not named here is personal:
 * a new field is withheld until it is declared (a unit test lists every logger call's fields).
 */
export type LogFieldClass = 'safe' | 'personal' | 'secret'

const LOG_FIELDS: Readonly<Record<string, LogFieldClass>> = {
  // The app's own facts.
  action: 'safe',
  bucket: 'safe',
  bytes: 'safe',
  call: 'safe',
  channel: 'safe',
  clientId: 'safe',
  current: 'safe',
  endpoint: 'safe',
  environment: 'safe',
  errorCode: 'safe',
  exitCode: 'safe',
  expiresInS: 'safe',
  file: 'safe',
  files: 'safe',
  mainFrame: 'safe',
  method: 'safe',
  ms: 'safe',
  now: 'safe',
  offered: 'safe',
  orderId: 'safe',
  origin: 'safe',
  packaged: 'safe',
  pagesClaimed: 'safe',
  pagesRead: 'safe',
  persistence: 'safe',
  proxy: 'safe',
  saved: 'safe',
  seconds: 'safe',
  since: 'safe',
  source: 'safe',
  status: 'safe',
  version: 'safe',
  write: 'safe',
  // Error text (ours, the OS's, the platform's or the renderer's): decoded and scrubbed.
  error: 'safe',
  message: 'safe',
  reason: 'safe',
  stack: 'safe',
  // A link that arrived: logged as its scheme and path shape only (links/link-handler.ts).
  link: 'safe',
  // Never written, whatever they hold.
  accessToken: 'secret',
  refreshToken: 'secret',
  token: 'secret',
  password: 'secret',
  code: 'secret',
  resetCode: 'secret',
  authorization: 'secret',
  cookie: 'secret',
  email: 'personal',
  phone: 'personal',
  borrower: 'personal',
  borrowerName: 'personal',
  name: 'personal',
  address: 'personal'
}

export function logFieldClass(name: string): LogFieldClass {
  return Object.hasOwn(LOG_FIELDS, name) ? (LOG_FIELDS[name] as LogFieldClass) : 'personal'
}

/** Field names declared safe: what a logger call may pass and see written. */
export const SAFE_LOG_FIELDS: readonly string[] = Object.entries(LOG_FIELDS).flatMap(([name, kind]) => (kind === 'safe' ? [name] : []))
