/** Electron's safeStorage as the core's secret cipher (the OS keychain). */
import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/ports'

/** The OS keychain through Electron's async safeStorage API. */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    async backend() {
      if (platform === 'darwin') return 'keychain'
      if (platform === 'win32') return 'dpapi'
      return safeStorage.getSelectedStorageBackend()
    },
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plaintext) => safeStorage.encryptStringAsync(plaintext),
    async decrypt(ciphertext) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext))
      return result
    }
  }
}
