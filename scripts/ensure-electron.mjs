// `npm start` needs the Electron binary. The electron package downloads it lazily; do that
// up front, with a clear message, instead of failing inside electron-vite.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const pkg = resolve(import.meta.dirname, '..', 'node_modules', 'electron')
const pathFile = join(pkg, 'path.txt')
const installed = existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()))

if (!installed) {
  console.log('Electron is not downloaded yet; fetching it once (about 100 MB)…')
  const result = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('\nCould not download Electron. Check your internet connection, then run `npx install-electron` and `npm start` again.')
    process.exit(1)
  }
}
