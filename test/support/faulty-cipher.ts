import type { SecretCipher } from '../../src/main/core/ports'
import { createKeychainCipher } from './keychain-cipher'

/**
 * The stand-in keychain, with a hand on its encrypt calls: the nth call can be made to fail (a
 * keychain error) or to hang until released (a save in progress, or one killed by a crash).
 */
export function createFaultyCipher(key?: Buffer) {
  const inner = createKeychainCipher(key ? { key } : {})
  let calls = 0
  const failAt = new Set<number>()
  const holdAt = new Map<number, { release: () => void; reached: Promise<void>; reachedResolve: () => void; gate: Promise<void> }>()
  const cipher: SecretCipher & {
    key: Buffer
    encryptCalls(): number
    failEncrypt(n: number): void
    holdEncrypt(n: number): { reached: Promise<void>; release(): void }
  } = {
    key: inner.key,
    backend: inner.backend,
    isEncryptionAvailable: inner.isEncryptionAvailable,
    decrypt: inner.decrypt,
    async encrypt(plaintext) {
      // The faults target the session vault; the offline cache's data key (not JSON) passes through.
      if (!plaintext.startsWith('{')) return inner.encrypt(plaintext)
      const n = ++calls
      if (failAt.has(n)) throw new Error('The keychain refused the request')
      const hold = holdAt.get(n)
      if (hold) {
        hold.reachedResolve()
        await hold.gate
      }
      return inner.encrypt(plaintext)
    },
    encryptCalls: () => calls,
    failEncrypt: (n) => void failAt.add(n),
    holdEncrypt(n) {
      let release: () => void = () => undefined
      let reachedResolve: () => void = () => undefined
      const gate = new Promise<void>((resolve) => (release = resolve))
      const reached = new Promise<void>((resolve) => (reachedResolve = resolve))
      holdAt.set(n, { release, reached, reachedResolve, gate })
      return { reached, release }
    }
  }
  return cipher
}
