import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { createConfStore } from '../../src/main/core/storage/conf-store'
import { createRecoveringStore } from '../../src/main/core/storage/recovering-store'
import { tempProfile } from '../support/test-core'

const logger = createLogger(() => undefined)
let profile: ReturnType<typeof tempProfile>
afterEach(() => profile.remove())

describe('recovering settings store', () => {
  it('sets a corrupt file aside, says so once, and keeps working', () => {
    profile = tempProfile()
    writeFileSync(join(profile.dir, 'config.json'), '{"half": ')
    const store = createConfStore(profile.dir, logger)
    expect(store.get('half')).toBeUndefined()
    expect(store.takeRecoveredFromCorruption()).toBe(true)
    expect(store.takeRecoveredFromCorruption()).toBe(false)
    store.set('kept', 1)
    expect(store.get('kept')).toBe(1)
    expect(readdirSync(profile.dir).filter((f) => f.startsWith('config.json.corrupt-'))).toHaveLength(1)
  })

  it('does not mistake another failure for corruption: the error surfaces and the file stays', () => {
    profile = tempProfile()
    const file = join(profile.dir, 'config.json')
    writeFileSync(file, '{"fine": true}')
    expect(() =>
      createRecoveringStore(
        () => {
          throw new TypeError('app.getVersion is not a function')
        },
        file,
        logger
      )
    ).toThrow(TypeError)
    expect(existsSync(file)).toBe(true)
    expect(readdirSync(profile.dir)).toEqual(['config.json'])
  })
})
