/**
 * The packaged app's smoke test (`--smoke-test=<report.json>`): named steps run in order, each
 * timed; the first failure stops the run and names its step; the whole run has a deadline. The
 * report is written as JSON and the process exits 0 only if every step passed. The steps that need
 * Electron live in src/main/electron/smoke-steps.ts; the session round trip is here, in plain Node.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { callChannel } from '../../../shared/ipc/contract'
import type { AppCore } from '../app-core-contract'
import type { Logger, SecretCipher } from '../ports'
import { TokenVault } from '../storage/token-vault'

export const SMOKE_TEST_FLAG = '--smoke-test='
export const SMOKE_DEADLINE_MS = 60_000

/** The report path asked for on the command line, or null for a normal start. */
export function smokeReportPath(argv: readonly string[]): string | null {
  const arg = argv.find((a) => a.startsWith(SMOKE_TEST_FLAG))
  if (arg === undefined) return null
  const path = arg.slice(SMOKE_TEST_FLAG.length).trim()
  if (path === '') throw new Error(`${SMOKE_TEST_FLAG}<report.json> needs a file path`)
  return path
}

export interface SmokeStep {
  name: string
  /** Resolves with what it found (shown in the report); rejects to fail the run. */
  run(): Promise<string>
}

export interface SmokeReport {
  ok: boolean
  failedStep: string | null
  error: string | null
  durationMs: number
  steps: { name: string; ok: boolean; ms: number; detail: string }[]
}

export async function runSmokeTest(steps: readonly SmokeStep[], deadlineMs = SMOKE_DEADLINE_MS): Promise<SmokeReport> {
  const started = performance.now()
  const report: SmokeReport = { ok: false, failedStep: null, error: null, durationMs: 0, steps: [] }
  for (const step of steps) {
    const stepStarted = performance.now()
    const left = deadlineMs - (stepStarted - started)
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const overdue = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the smoke test's ${deadlineMs / 1000} s ran out`)), Math.max(0, left))
      })
      const detail = await Promise.race([step.run(), overdue])
      report.steps.push({ name: step.name, ok: true, ms: Math.round(performance.now() - stepStarted), detail })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      report.steps.push({ name: step.name, ok: false, ms: Math.round(performance.now() - stepStarted), detail: message })
      report.failedStep = step.name
      report.error = message
      break
    } finally {
      clearTimeout(timer)
    }
  }
  report.ok = report.failedStep === null
  report.durationMs = Math.round(performance.now() - started)
  return report
}

export async function writeSmokeReport(path: string, report: SmokeReport): Promise<void> {
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 })
}

const SMOKE_SENDER = { url: 'app://omnivms/index.html', isMainFrame: true }

/**
 * Signs in to the embedded sandbox with the demo account as a user would (kept on this computer;
 * where only weak storage exists, accepted for this temporary profile), then reads the saved
 * session back from disk through a vault of its own, decrypted with the same cipher.
 */
export function sessionRoundTripSteps(deps: { core: AppCore; account: { email: string; password: string }; dataDir: string; vaultFile: string; cipher: SecretCipher; logger: Logger }): SmokeStep[] {
  const call = async (name: Parameters<typeof callChannel>[0], input?: unknown) => {
    const result = await deps.core.dispatch(callChannel(name), SMOKE_SENDER, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} — ${result.error.message}`)
    return result.value
  }
  const { email, password } = deps.account
  return [
    {
      name: 'sign in to the embedded sandbox with the demo account',
      run: async () => {
        const protection = (await call('getStorageProtection')) as { level: string }
        if (protection.level === 'weak') await call('setWeakStorageChoice', { choice: 'weak', subject: 'signIn' })
        const state = (await call('signIn', { environment: { kind: 'sandbox' }, email, password, keepSignedIn: true })) as { status: string }
        if (state.status !== 'signedIn') throw new Error(`signed-in state expected, got ${state.status}`)
        return `signed in as ${email} (storage: ${protection.level})`
      }
    },
    {
      name: 'the session saved and read back decrypted',
      run: async () => {
        const vault = new TokenVault(join(deps.dataDir, deps.vaultFile), deps.cipher, deps.logger)
        // The vault writes in the background after sign-in: give it a moment.
        let loaded = await vault.load()
        for (let tries = 0; loaded.kind === 'empty' && tries < 40; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50))
          loaded = await vault.load()
        }
        if (loaded.kind !== 'loaded') throw new Error(`the saved session could not be read back (${loaded.kind === 'unreadable' ? loaded.reason : 'nothing saved'})`)
        if (loaded.session.user.email !== email || loaded.session.accessToken === '') throw new Error('the saved session is not the one signed in')
        return `read back for ${loaded.session.user.email} (${loaded.persistence})`
      }
    }
  ]
}
