/** For each test: a fresh sandbox, a fresh profile and the core signed in as the demo appraiser — all gone after it. */
import { afterEach, beforeEach } from 'vitest'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { signInInput } from './builders'
import { startTestCore, tempProfile, type TestCore } from './test-core'

export interface SignedInCore {
  readonly sandbox: RunningSandbox
  readonly profile: ReturnType<typeof tempProfile>
  readonly app: TestCore
}

export function signedInCoreEachTest(): SignedInCore {
  let current: { sandbox: RunningSandbox; profile: ReturnType<typeof tempProfile>; app: TestCore } | null = null
  beforeEach(async () => {
    const sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
    const profile = tempProfile()
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
    current = { sandbox, profile, app }
    await app.ok('signIn', signInInput)
  })
  afterEach(async () => {
    if (!current) return
    await current.app.core.dispose()
    await current.sandbox.close()
    current.profile.remove()
    current = null
  })
  const now = () => {
    if (!current) throw new Error('only inside a test')
    return current
  }
  return {
    get sandbox() {
      return now().sandbox
    },
    get profile() {
      return now().profile
    },
    get app() {
      return now().app
    }
  }
}
