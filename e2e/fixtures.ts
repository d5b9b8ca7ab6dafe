import { test as base, expect, _electron, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { startSandboxServer } from '../src/sandbox/server'
import { sandboxControl } from '../test/support/sandbox-control'
import { launchBrowserApp, type BrowserApp } from './harness/browser-app'
import { createScriptedDialogs } from '../test/support/scripted-dialogs'
import { startRendererServer } from './harness/renderer-server'
import { buildPageBridge } from './harness/page-bridge-bundle'
import { findElectronBinary } from './support/electron-binary'

const ROOT = resolve(import.meta.dirname, '..')

export interface Credentials {
  email: string
  password: string
}

export interface SandboxFixture {
  url: string
  vendor: Credentials
  otherVendor: Credentials
  control: ReturnType<typeof sandboxControl>
}

export interface AppFixture {
  /** 'browser': Chromium wired to the core with a stand-in keychain; 'electron': the real app. */
  kind: 'browser' | 'electron'
  /** The app window: signed out, pointed at this test's sandbox, with a fresh profile. */
  page: Page
  /** Quit and relaunch with the same profile; resolves to the new window. */
  restart(): Promise<Page>
  /** Every IPC answer and event the renderer received (browser project only; empty in Electron). */
  ipcTraffic(): string[]
  /** What the next native open / save dialog answers (as if the user picked it). */
  dialogs: { answerOpen(paths: string[]): Promise<void>; answerSave(path: string | null): Promise<void> }
}

export type AppKindOption = { appKind: 'browser' | 'electron' }
type WorkerFixtures = { rendererOrigin: string; bridgeScript: string }

export const test = base.extend<{ sandbox: SandboxFixture; app: AppFixture } & AppKindOption, WorkerFixtures>({
  appKind: ['browser', { option: true }],

  rendererOrigin: [
    async ({}, use) => {
      const server = await startRendererServer(join(ROOT, 'out', 'renderer'))
      await use(server.origin)
      await server.close()
    },
    { scope: 'worker' }
  ],

  bridgeScript: [
    async ({}, use) => {
      await use(await buildPageBridge())
    },
    { scope: 'worker' }
  ],

  sandbox: async ({}, use) => {
    const running = await startSandboxServer({ accessTokenTtlMs: 5 * 60_000 })
    await use({
      url: running.url,
      vendor: { email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password },
      otherVendor: { email: DEMO_ACCOUNTS.otherVendor.email, password: DEMO_ACCOUNTS.otherVendor.password },
      control: sandboxControl(running.url)
    })
    await running.close()
  },

  app: async ({ appKind, sandbox, browser, rendererOrigin, bridgeScript }, use, testInfo) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'omnivms-e2e-'))
    try {
      if (appKind === 'electron') {
        const electron = findElectronBinary(ROOT)
        if (electron.path === null) {
          testInfo.skip(true, `Skipped: ${electron.reason}. These specs run unchanged where Electron is installed.`)
          return
        }
        const executablePath = electron.path
        const launch = async () => {
          const app = await _electron.launch({
            executablePath,
            args: [join(ROOT, 'out', 'main', 'index.js')],
            env: { ...process.env, OMNIVMS_SANDBOX_URL: sandbox.url, OMNIVMS_USER_DATA_DIR: profileDir }
          })
          return { app, page: await app.firstWindow() }
        }
        let current = await launch()
        await use({
          kind: 'electron',
          page: current.page,
          restart: async () => {
            await current.app.close()
            current = await launch()
            return current.page
          },
          ipcTraffic: () => [],
          dialogs: {
            answerOpen: (paths) =>
              current.app.evaluate(({ dialog }, filePaths) => {
                dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog
              }, paths),
            answerSave: (path) =>
              current.app.evaluate(({ dialog }, filePath) => {
                dialog.showSaveDialog = (async () => ({ canceled: filePath === null, filePath: filePath ?? '' })) as typeof dialog.showSaveDialog
              }, path)
          }
        })
        await current.app.close()
      } else {
        const keychainKey = randomBytes(32)
        const dialogs = createScriptedDialogs()
        const launch = () => launchBrowserApp({ browser, rendererOrigin, bridgeScript, sandboxUrl: sandbox.url, profileDir, keychainKey, dialogs })
        let current: BrowserApp = await launch()
        const traffic: string[] = []
        await use({
          kind: 'browser',
          page: current.page,
          restart: async () => {
            traffic.push(...current.ipcTraffic)
            await current.close()
            current = await launch()
            return current.page
          },
          ipcTraffic: () => [...traffic, ...current.ipcTraffic],
          dialogs: {
            answerOpen: async (paths) => dialogs.answerOpen(paths),
            answerSave: async (path) => dialogs.answerSave(path)
          }
        })
        await current.close()
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
})

export { expect }
