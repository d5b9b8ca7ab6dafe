/** `npm run docs:screenshots`: the README's screenshots (docs/screenshots/), taken in the browser build against the sandbox. */
import { defineConfig } from '@playwright/test'
import base from './playwright.config'

export default defineConfig({
  ...base,
  testMatch: '**/*.docs.ts',
  workers: 1,
  projects: [{ name: 'chromium', use: { appKind: 'browser' } }]
})
