/** Before the end-to-end step: one clear message, and a stop, when there is no Chromium to drive (test/support/browser-path.ts). */
import { hostBrowser } from '../test/support/browser-path'

const found = hostBrowser()
if (found.path === null) {
  console.error(`\n${found.message}\n`)
  process.exit(1)
}
console.log(`e2e: driving ${found.path} (${found.source === 'system' ? 'found on this system' : found.source === 'Playwright' ? 'Playwright’s own Chromium' : 'from CHROMIUM_PATH'})`)
