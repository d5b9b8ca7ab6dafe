import { createCipheriv, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { EncryptedFiles } from '../../src/main/core/storage/encrypted-files'
import { createKeychainCipher } from '../support/keychain-cipher'
import { tempProfile } from '../support/test-core'

/** The session's encrypted files: the compact binary form written now, and the JSON form of earlier versions still read. */
let profile: ReturnType<typeof tempProfile>
afterEach(() => profile.remove())

describe('encrypted files', () => {
  it('reads a file an earlier version wrote (JSON, base64 fields) and writes the binary form, neither holding the plain text', async () => {
    profile = tempProfile()
    const cipher = createKeychainCipher()
    const files = new EncryptedFiles(profile.dir, cipher, createLogger(() => undefined))
    await files.write('drafts.json', { note: 'first' })
    const stored = readFileSync(join(profile.dir, 'drafts.json'))
    expect(stored.subarray(0, 4).toString()).toBe('OVE2')
    expect(stored.toString('latin1')).not.toContain('first')

    // The same data key, the earlier version's envelope.
    const sealed = JSON.parse(readFileSync(join(profile.dir, 'data-key.json'), 'utf8')) as { key: string }
    const key = Buffer.from(await cipher.decrypt(Buffer.from(sealed.key, 'base64')), 'base64')
    const iv = randomBytes(12)
    const gcm = createCipheriv('aes-256-gcm', key, iv)
    const data = Buffer.concat([gcm.update(JSON.stringify({ note: 'from 0.1' }), 'utf8'), gcm.final()])
    writeFileSync(join(profile.dir, 'old.json'), JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: gcm.getAuthTag().toString('base64'), data: data.toString('base64') }))
    const reopened = new EncryptedFiles(profile.dir, cipher, createLogger(() => undefined))
    expect(await reopened.read('old.json')).toEqual({ note: 'from 0.1' })
    expect(await reopened.read('drafts.json')).toEqual({ note: 'first' })
  })

  it('a truncated or altered file is discarded with a warning, never a crash', async () => {
    profile = tempProfile()
    const logs: string[] = []
    const files = new EncryptedFiles(profile.dir, createKeychainCipher(), createLogger((_level, line) => logs.push(line)))
    await files.write('a.json', { n: 1 })
    await files.write('b.json', { n: 2 })
    writeFileSync(join(profile.dir, 'a.json'), readFileSync(join(profile.dir, 'a.json')).subarray(0, 20))
    const altered = readFileSync(join(profile.dir, 'b.json'))
    altered[altered.length - 1] = (altered.at(-1) ?? 0) ^ 1
    writeFileSync(join(profile.dir, 'b.json'), altered)
    expect(await files.read('a.json')).toBeNull()
    expect(await files.read('b.json')).toBeNull()
    expect(logs.filter((l) => l.includes('could not be decrypted'))).toHaveLength(2)
  })
})
