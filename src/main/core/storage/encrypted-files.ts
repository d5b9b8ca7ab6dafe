/** Files encrypted with AES-256-GCM under a data key the OS keychain seals; unreadable ones are discarded. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger, SecretCipher } from '../ports'
import { writeFileAtomic } from './secure-file'

const KEY_FILE = 'data-key.json'
const EnvelopeSchema = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() })

/**
 * Local data that holds personal data (the cached orders, pending actions) is encrypted: a random
 * data key, itself kept encrypted by the OS keychain (the secret cipher), and AES-256-GCM per file,
 * written atomically with mode 0600. A file that can't be decrypted is discarded, never a crash.
 */
export class EncryptedFiles {
  private key: Promise<Buffer | null> | null = null

  constructor(
    private readonly folder: string,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger
  ) {}

  async write(name: string, value: unknown): Promise<boolean> {
    const key = await this.dataKey(true)
    if (!key) return false
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
    const envelope = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
    await writeFileAtomic(join(this.folder, name), JSON.stringify(envelope))
    return true
  }

  /** The value, or null when there is none or it can't be read (then it is discarded). */
  async read(name: string): Promise<unknown> {
    let text: string
    try {
      text = await readFile(join(this.folder, name), 'utf8')
    } catch {
      return null
    }
    const key = await this.dataKey(false)
    try {
      if (!key) throw new Error('no data key')
      const envelope = EnvelopeSchema.parse(JSON.parse(text))
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'))
      decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'))
      return JSON.parse(Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]).toString('utf8'))
    } catch (error) {
      this.logger.warn('a local data file could not be decrypted and was discarded', { file: name, error: error instanceof Error ? error.name : 'unknown' })
      await rm(join(this.folder, name), { force: true })
      return null
    }
  }

  /** Removes every file and the data key. */
  async wipe(): Promise<void> {
    this.key = null
    await rm(this.folder, { recursive: true, force: true })
  }

  private dataKey(create: boolean): Promise<Buffer | null> {
    this.key ??= this.loadKey(create).then((key) => {
      if (!key) this.key = null
      return key
    })
    return this.key
  }

  private async loadKey(create: boolean): Promise<Buffer | null> {
    const path = join(this.folder, KEY_FILE)
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as { key?: string }
      const key = Buffer.from(await this.cipher.decrypt(Buffer.from(stored.key ?? '', 'base64')), 'base64')
      if (key.length === 32) return key
      throw new Error('bad key length')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn('the local data key could not be read; local data starts afresh', { error: error instanceof Error ? error.name : 'unknown' })
    }
    if (!create) return null
    try {
      const key = randomBytes(32)
      const sealed = await this.cipher.encrypt(key.toString('base64'))
      await rm(this.folder, { recursive: true, force: true })
      await writeFileAtomic(path, JSON.stringify({ key: Buffer.from(sealed).toString('base64') }))
      return key
    } catch (error) {
      this.logger.warn('the keychain could not protect local data; nothing is cached', { error: error instanceof Error ? error.name : 'unknown' })
      return null
    }
  }
}
