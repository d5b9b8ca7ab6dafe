/** Files encrypted with AES-256-GCM under a data key the OS keychain seals; unreadable ones are discarded. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger, SecretCipher } from '../ports'
import { writeFileAtomic } from './secure-file'

const KEY_FILE = 'data-key.json'
/** Earlier versions' files: JSON with base64 fields. Still read; written anew in the binary form. */
const JsonEnvelopeSchema = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() })
/** A file is MAGIC, the 12-byte IV, the 16-byte GCM tag, then the ciphertext (no base64, no JSON around it). */
const MAGIC = Buffer.from('OVE2')
const IV_BYTES = 12
const TAG_BYTES = 16

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
    private readonly logger: Logger,
    /** Told of each file there that could not be read (damaged, or sealed with another key) and was discarded. */
    private readonly unreadable: (file: string) => void = () => undefined
  ) {}

  async write(name: string, value: unknown): Promise<boolean> {
    const key = await this.dataKey(true)
    if (!key) return false
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
    await writeFileAtomic(join(this.folder, name), Buffer.concat([MAGIC, iv, cipher.getAuthTag(), data]))
    return true
  }

  /** The value, or null when there is none or it can't be read (then it is discarded). */
  async read(name: string): Promise<unknown> {
    let stored: Buffer
    try {
      stored = await readFile(join(this.folder, name))
    } catch {
      return null
    }
    const key = await this.dataKey(false)
    try {
      if (!key) throw new Error('no data key')
      const { iv, tag, data } = sealedParts(stored)
      const decipher = createDecipheriv('aes-256-gcm', key, iv)
      decipher.setAuthTag(tag)
      return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8'))
    } catch (error) {
      this.logger.warn('a local data file could not be decrypted and was discarded', { file: name, error: error instanceof Error ? error.name : 'unknown' })
      await rm(join(this.folder, name), { force: true })
      this.unreadable(name)
      return null
    }
  }

  /** Removes one file. */
  async remove(name: string): Promise<void> {
    await rm(join(this.folder, name), { force: true })
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
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('the local data key could not be read; local data starts afresh', { error: error instanceof Error ? error.name : 'unknown' })
        this.unreadable(KEY_FILE)
      }
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

/** The IV, tag and ciphertext of a stored file, in either form. */
function sealedParts(stored: Buffer): { iv: Buffer; tag: Buffer; data: Buffer } {
  if (stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    const ivEnd = MAGIC.length + IV_BYTES
    if (stored.length < ivEnd + TAG_BYTES) throw new Error('truncated')
    return { iv: stored.subarray(MAGIC.length, ivEnd), tag: stored.subarray(ivEnd, ivEnd + TAG_BYTES), data: stored.subarray(ivEnd + TAG_BYTES) }
  }
  const envelope = JsonEnvelopeSchema.parse(JSON.parse(stored.toString('utf8')))
  return { iv: Buffer.from(envelope.iv, 'base64'), tag: Buffer.from(envelope.tag, 'base64'), data: Buffer.from(envelope.data, 'base64') }
}
