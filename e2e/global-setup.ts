import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findElectronBinary } from './support/electron-binary'

export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '..')
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` (npm run test:e2e does it for you).')
  }
  const electron = findElectronBinary(root)
  if (electron.path === null) {
    console.log(`\n[e2e] Electron project: every spec will be reported as SKIPPED because ${electron.reason}.\n`)
  }
}
