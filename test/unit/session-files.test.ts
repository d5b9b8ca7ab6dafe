import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../../src/main/core/logger'
import { EncryptedFiles } from '../../src/main/core/storage/encrypted-files'
import { SessionFiles } from '../../src/main/core/storage/session-files'
import { createKeychainCipher } from '../support/keychain-cipher'
import { tempProfile } from '../support/test-core'

/** A session's files when writes come faster than the disk takes them (syncs every few ms, a slow disk). */
let profile: ReturnType<typeof tempProfile>
afterEach(() => {
  vi.restoreAllMocks()
  profile.remove()
})

const Value = z.object({ n: z.number() })

describe("a session's files under a stream of writes", () => {
  it('write a file waiting its turn once, with the newest value — the queue does not grow with the writes', async () => {
    profile = tempProfile()
    const cipher = createKeychainCipher()
    const open = () => new SessionFiles({ folder: profile.dir, cipher, logger: createLogger(() => undefined), place: 'disk', isLive: () => true })
    const diskWrites = vi.spyOn(EncryptedFiles.prototype, 'write')
    const files = open()
    const asked = Array.from({ length: 200 }, (_, n) => files.write('inbox-1.json', { n }))
    await Promise.all(asked)
    expect(diskWrites.mock.calls.filter(([name]) => name === 'inbox-1.json').length).toBeLessThanOrEqual(2)
    expect(await open().read('inbox-1.json', Value)).toEqual({ n: 199 })
  })

  it('keep the order of a removal: a write asked after it lands after it', async () => {
    profile = tempProfile()
    const cipher = createKeychainCipher()
    const open = () => new SessionFiles({ folder: profile.dir, cipher, logger: createLogger(() => undefined), place: 'disk', isLive: () => true })
    const files = open()
    void files.write('draft.json', { n: 1 })
    void files.remove('draft.json')
    await files.write('draft.json', { n: 2 })
    await files.settled()
    expect(await open().read('draft.json', Value)).toEqual({ n: 2 })

    void files.write('draft.json', { n: 3 })
    await files.remove('draft.json')
    await files.settled()
    expect(await open().read('draft.json', Value)).toBeNull()
  })
})
