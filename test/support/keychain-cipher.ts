import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretCipher } from '../../src/main/core/ports'

/**
 * Stands in for Electron's safeStorage outside Electron: real AES-256-GCM with a key held in
 * memory, like an OS keychain holds it outside the app's files. Pass the same key across
 * restarts to model the same OS account; `backend` lets tests model basic_text or a changed backend.
 */
export function createKeychainCipher(options: { key?: Buffer; backend?: string; available?: boolean } = {}): SecretCipher & { key: Buffer } {
  const key = options.key ?? randomBytes(32)
  const backend = options.backend ?? 'test_keychain'
  return {
    key,
    backend: async () => backend,
    isEncryptionAvailable: async () => options.available ?? true,
    async encrypt(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    async decrypt(data) {
      const buf = Buffer.from(data)
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12))
      decipher.setAuthTag(buf.subarray(12, 28))
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}
