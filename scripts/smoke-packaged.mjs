// CI: runs the unpacked packaged app (from `electron-builder --dir`) with --smoke-test and prints
// its report; exits with the app's code (non-zero with the failing step named). Fails after 90 s.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const product = 'OmniValVMS Desktop'
const report = join(root, 'smoke-report.json')

function executable() {
  for (const folder of existsSync(dist) ? readdirSync(dist) : []) {
    const candidates = {
      win32: join(dist, folder, `${product}.exe`),
      darwin: join(dist, folder, `${product}.app`, 'Contents', 'MacOS', product),
      linux: join(dist, folder, 'omnivms-desktop')
    }
    const path = candidates[process.platform]
    if (path && existsSync(path)) return path
  }
  return null
}

const app = executable()
if (!app) {
  console.error('smoke: no unpacked app in dist/ — run `npx electron-builder --config electron-builder.config.ts --dir --publish never` first')
  process.exit(1)
}
console.log(`smoke: ${app} --smoke-test=${report}`)
const child = spawn(app, [`--smoke-test=${report}`], { stdio: 'inherit' })
const timer = setTimeout(() => {
  console.error('smoke: the app did not exit within 90 s')
  child.kill()
  process.exit(1)
}, 90_000)
child.once('exit', (code) => {
  clearTimeout(timer)
  if (existsSync(report)) console.log(readFileSync(report, 'utf8'))
  else console.error('smoke: the app wrote no report')
  process.exit(code ?? 1)
})
