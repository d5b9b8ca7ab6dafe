import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { SessionFiles } from '../../src/main/core/storage/session-files'
import { NotificationMemory } from '../../src/main/core/sync/notification-memory'
import { createKeychainCipher } from '../support/keychain-cipher'
import { tempProfile } from '../support/test-core'

/** What was notified is remembered across restarts, without rewriting every event told for each new one. */
let profile: ReturnType<typeof tempProfile>
afterEach(() => profile.remove())

describe('the memory of what was notified', () => {
  it('writes only the small file of recent events for a new one, folds them when many, and a restart knows every event', async () => {
    profile = tempProfile()
    const cipher = createKeychainCipher()
    const files = () => new SessionFiles({ folder: profile.dir, cipher, logger: createLogger(() => undefined), place: 'disk', isLive: () => true })
    const snapshot = () => new Map(readdirSync(profile.dir).filter((n) => n.startsWith('notified')).map((n) => [n, readFileSync(join(profile.dir, n))]))
    const memory = new NotificationMemory(files())
    await memory.ready()
    const events = Array.from({ length: 250 }, (_, i) => `state|cl-a/ln-${i}/ord-${i}|3|2026-12-01T10:00:00.000Z`)
    await memory.add(events.slice(0, 1))
    const written = []
    for (const event of events.slice(1)) {
      const before = snapshot()
      await memory.add([event, events[0] as string])
      written.push([...snapshot()].filter(([n, b]) => !before.get(n)?.equals(b)).map(([n]) => n).join('+'))
    }
    // 249 new events: the small file for each, but the large one only when the small one is full (twice).
    expect(written.filter((w) => w === 'notified-recent.json')).toHaveLength(247)
    expect(written.filter((w) => w === 'notified.json')).toHaveLength(2)

    const restarted = new NotificationMemory(files())
    await restarted.ready()
    expect(events.filter((event) => !restarted.has(event))).toEqual([])
    expect(restarted.has('state|cl-a/ln-0/ord-0|4|2026-12-01T10:00:00.000Z')).toBe(false)
  })
})
