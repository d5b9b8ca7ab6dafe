/** Who owns session data — an environment and a user of it — and the name its files go under. */
import { createHash } from 'node:crypto'

export interface SessionKey {
  origin: string
  userId: string
}

/** A name for the key that reveals neither the account nor the environment (folder names). */
export function sessionKeyId(key: SessionKey): string {
  return createHash('sha256').update(`${key.origin}\n${key.userId}`).digest('hex').slice(0, 32)
}

export const sameSessionKey = (a: SessionKey, b: SessionKey): boolean => a.origin === b.origin && a.userId === b.userId
