import { defineConfig } from '@playwright/test'
import type { AppKindOption } from './e2e/fixtures'
import { hostBrowser } from './test/support/browser-path'

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic'
]

const browser = hostBrowser()

export default defineConfig<AppKindOption>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    // CHROMIUM_PATH, else Playwright's own Chromium, else the system's (`npm run test:e2e` stops first, saying how, when there is none).
    launchOptions: { ...(browser.path ? { executablePath: browser.path } : {}), args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  },
  projects: [
    // Specs about one project's stand-ins are not run (and so never reported skipped) in the other.
    { name: 'chromium', use: { appKind: 'browser' }, grepInvert: /@electron-only/ },
    { name: 'electron', use: { appKind: 'electron' }, grepInvert: /@browser-only/ }
  ]
})
