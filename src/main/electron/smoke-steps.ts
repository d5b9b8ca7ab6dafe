/** The smoke test in the app: its steps that need Electron (the window and its page from app://, the CSP header, the bridge, the keychain backend), the run, the report and the exit. */
import { app, safeStorage, session, type BrowserWindow } from 'electron'
import { rmSync } from 'node:fs'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { DEMO_ACCOUNTS } from '../../sandbox/seed'
import { VAULT_FILE } from '../core/app-core'
import type { AppCore } from '../core/app-core-contract'
import type { Logger, SecretCipher } from '../core/ports'
import { runSmokeTest, sessionRoundTripSteps, writeSmokeReport, type SmokeStep } from '../core/smoke/smoke-test'

function loaded(window: BrowserWindow): Promise<void> {
  if (!window.webContents.isLoading()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    window.webContents.once('did-finish-load', () => resolve())
    window.webContents.once('did-fail-load', (_event, code, description) => reject(new Error(`the page did not load: ${description} (${code})`)))
  })
}

export function electronSmokeSteps(currentWindow: () => BrowserWindow | null): SmokeStep[] {
  const window = () => {
    const found = currentWindow()
    if (!found || found.isDestroyed()) throw new Error('there is no window')
    return found
  }
  return [
    {
      name: 'the window created and its page loaded',
      run: async () => {
        await loaded(window())
        const [width, height] = window().getSize()
        return `window ${width}×${height}`
      }
    },
    {
      name: 'the renderer loaded from app://',
      run: async () => {
        const url = window().webContents.getURL()
        if (!url.startsWith(`${APP_ORIGIN}/`)) throw new Error(`the page came from ${url}`)
        return url
      }
    },
    {
      name: 'the CSP header',
      run: async () => {
        const response = await session.defaultSession.fetch(`${APP_ORIGIN}/index.html`)
        const csp = response.headers.get('content-security-policy')
        if (csp !== CONTENT_SECURITY_POLICY) throw new Error(`the page's CSP header was ${csp ?? 'missing'}`)
        return csp
      }
    },
    {
      name: 'the bridge is present, Node is not',
      run: async () => {
        const found: unknown = await window().webContents.executeJavaScript("({ bridge: typeof window.omnivms === 'object' && window.omnivms !== null, require: typeof window.require, process: typeof window.process })")
        const { bridge, require, process: nodeProcess } = (found ?? {}) as { bridge?: boolean; require?: string; process?: string }
        if (bridge !== true) throw new Error('window.omnivms is missing')
        if (require !== 'undefined' || nodeProcess !== 'undefined') throw new Error(`Node reaches the page (require: ${require}, process: ${nodeProcess})`)
        return 'window.omnivms present; no require or process in the page'
      }
    },
    {
      name: 'the keychain backend',
      run: async () => {
        const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi'
        if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error(`safeStorage is not available (backend ${backend})`)
        return backend
      }
    }
  ]
}

/** Runs every step, writes the report, removes the temporary profile and exits: 0 if all passed, 1 naming the failing step. */
export function runSmokeTestAndExit(options: { reportPath: string; profile: string; core: AppCore; window: () => BrowserWindow | null; cipher: SecretCipher; logger: Logger; beforeExit(): void }): void {
  const steps = [...electronSmokeSteps(options.window), ...sessionRoundTripSteps({ core: options.core, account: DEMO_ACCOUNTS.vendor, dataDir: options.profile, vaultFile: VAULT_FILE, cipher: options.cipher, logger: options.logger })]
  void runSmokeTest(steps)
    .then(async (report) => {
      await writeSmokeReport(options.reportPath, report)
      console.log(report.ok ? `smoke test passed in ${report.durationMs} ms` : `smoke test failed at "${report.failedStep}": ${report.error}`)
      options.beforeExit()
      await options.core.dispose()
      rmSync(options.profile, { recursive: true, force: true, maxRetries: 3 })
      app.exit(report.ok ? 0 : 1)
    })
    .catch((error: unknown) => {
      console.error('smoke test could not write its report', error)
      app.exit(1)
    })
}
