// CI: runs the unpacked packaged app (from `electron-builder --dir`) with --smoke-test and prints
// its report; exits with the app's code (non-zero with the failing step named). Fails after 90 s.
// The app is found where electron-builder's afterPack recorded it (dist/packaged-apps.json, by the
// packager's own name: build/packaged-app.ts), never by a name written here.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const report = join(root, 'smoke-report.json')

function executable() {
  let apps = []
  try {
    apps = JSON.parse(readFileSync(join(dist, 'packaged-apps.json'), 'utf8'))
  } catch {
    return null
  }
  const app = apps.find((a) => a.platform === process.platform && (a.arch === process.arch || apps.length === 1))
  if (!app) return null
  const path = join(dist, app.executable)
  // On macOS the recorded executable is the bundle; the binary inside it has the bundle's name.
  const binary = process.platform === 'darwin' ? join(path, 'Contents', 'MacOS', basename(path, '.app')) : path
  return existsSync(binary) ? binary : null
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
