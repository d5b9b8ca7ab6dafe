/** Password hashing for the sandbox's accounts (scrypt). */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

// Low scrypt cost: this is a local sandbox, and tests sign in many times.
const COST = { N: 1024, r: 8, p: 1 }

export function hashPassword(password: string, salt = randomBytes(16).toString('hex')) {
  const hash = scryptSync(password, salt, 32, COST).toString('hex')
  return { salt, hash }
}

export function verifyPassword(password: string, salt: string, expectedHash: string): boolean {
  const actual = scryptSync(password, salt, 32, COST)
  const expected = Buffer.from(expectedHash, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
