import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The Electron executable if it is installed, without triggering its download (requiring the
 * `electron` package would try to fetch it). Null, with the reason, where it is missing.
 */
export function findElectronBinary(root: string): { path: string } | { path: null; reason: string } {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'the Electron binary is not installed here (node_modules/electron/path.txt is missing; run `npx install-electron` where downloads work)' }
  }
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? { path: executable } : { path: null, reason: `the Electron binary is missing at ${executable}` }
}
