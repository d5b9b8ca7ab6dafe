import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VAULT_FILE } from '../../src/main/core/app-core'
import { createLogger } from '../../src/main/core/logger'
import { runSmokeTest, sessionRoundTripSteps, smokeReportPath, writeSmokeReport } from '../../src/main/core/smoke/smoke-test'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createKeychainCipher } from '../support/keychain-cipher'
import { startTestCore, tempProfile } from '../support/test-core'

/** The packaged app's smoke test, the parts that run without Electron: the flag, the runner and its report, the session round trip. */
let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandboxServer()
})
afterAll(() => sandbox.close())

describe('the smoke test', () => {
  it('is asked for only with --smoke-test=<report.json>, and needs a path', () => {
    expect(smokeReportPath(['/opt/app/omnivms-desktop'])).toBeNull()
    expect(smokeReportPath(['/opt/app/omnivms-desktop', '--smoke-test=/tmp/report.json'])).toBe('/tmp/report.json')
    expect(() => smokeReportPath(['app', '--smoke-test='])).toThrow(/needs a file path/)
  })

  it('runs the steps in order, stops at the first failure and names it; the report says what each found', async () => {
    const ran: string[] = []
    const step = (name: string, fail = false) => ({
      name,
      run: async () => {
        ran.push(name)
        if (fail) throw new Error(`${name} broke`)
        return `${name} fine`
      }
    })
    const report = await runSmokeTest([step('window'), step('csp', true), step('bridge')])
    expect(ran).toEqual(['window', 'csp'])
    expect(report).toMatchObject({ ok: false, failedStep: 'csp', error: 'csp broke', steps: [{ name: 'window', ok: true, detail: 'window fine' }, { name: 'csp', ok: false }] })
    const profile = tempProfile()
    try {
      const file = join(profile.dir, 'report.json')
      await writeSmokeReport(file, report)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(report)
    } finally {
      profile.remove()
    }
  })

  it('fails a step that outlives the deadline, naming it', async () => {
    const report = await runSmokeTest([{ name: 'hangs', run: () => new Promise<string>(() => undefined) }], 200)
    expect(report).toMatchObject({ ok: false, failedStep: 'hangs', error: expect.stringMatching(/ran out/) })
  })

  it('signs in to the sandbox with the demo account and reads the saved session back decrypted', async () => {
    const profile = tempProfile()
    const cipher = createKeychainCipher()
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher })
    try {
      const steps = sessionRoundTripSteps({ core: app.core, account: DEMO_ACCOUNTS.vendor, dataDir: profile.dir, vaultFile: VAULT_FILE, cipher, logger: createLogger(() => undefined) })
      const report = await runSmokeTest(steps)
      expect(report.failedStep).toBeNull()
      expect(report.steps.map((s) => s.detail)).toEqual([`signed in as ${DEMO_ACCOUNTS.vendor.email} (storage: encrypted)`, `read back for ${DEMO_ACCOUNTS.vendor.email} (encrypted)`])
      // What is on disk is not the token in clear.
      expect(readFileSync(join(profile.dir, VAULT_FILE), 'utf8')).not.toMatch(/accessToken/)
    } finally {
      await app.core.dispose()
      profile.remove()
    }
  })

  it('fails the round trip, naming the step, when the saved session cannot be decrypted', async () => {
    const profile = tempProfile()
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher: createKeychainCipher() })
    try {
      const otherKeychain = createKeychainCipher()
      const report = await runSmokeTest(sessionRoundTripSteps({ core: app.core, account: DEMO_ACCOUNTS.vendor, dataDir: profile.dir, vaultFile: VAULT_FILE, cipher: otherKeychain, logger: createLogger(() => undefined) }))
      expect(report).toMatchObject({ ok: false, failedStep: 'the session saved and read back decrypted', error: expect.stringMatching(/could not be read back \(vault_/) })
    } finally {
      await app.core.dispose()
      profile.remove()
    }
  })
})
