/**
 * `npm run package:check`: builds the unpacked Linux app with electron-builder and the real config,
 * then proves what ships: every file in app.asar must be the built app, package.json or a
 * production dependency (no src/, tests, benches, source maps or dev dependencies), the required
 * files must be there, and the Electron binary's fuses must read back as build/fuses.ts sets them.
 *
 * Where the Electron binary cannot be downloaded, electron-builder is pointed at a stand-in
 * folder (electronDist) whose executable carries Electron's fuse wire: the file selection, the
 * asar and the fuse flipping are real; only the binary is not.
 */
import asar from '@electron/asar'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FUSES } from '../build/fuses'
import { EXECUTABLE_NAME, PRODUCT_NAME, packagedExecutable } from '../electron-builder.config'
import { checkAsarContents, productionPackages } from '../build/asar-rules'

const ROOT = resolve(import.meta.dirname, '..')
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's own defaults, in FuseV1Options order: what an unflipped binary carries.
const ELECTRON_DEFAULT_WIRE = '101100011'

/** Electron's executable in its dist folder, per OS. */
const ELECTRON_IN_DIST: Partial<Record<NodeJS.Platform, string>> = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app' }
/** electron-builder's flag and unpacked folder for this OS's layout. */
const LAYOUTS = {
  linux: { flag: '--linux', folder: (output: string) => join(output, 'linux-unpacked') },
  win32: { flag: '--win', folder: (output: string) => join(output, 'win-unpacked') },
  darwin: { flag: '--mac', folder: (output: string) => join(output, readdirSync(output).find((name) => name.startsWith('mac')) ?? 'mac') }
} as const

function realElectronDist(): string | null {
  const dist = join(ROOT, 'node_modules', 'electron', 'dist')
  const executable = ELECTRON_IN_DIST[process.platform]
  return executable && existsSync(join(dist, executable)) ? dist : null
}

function standInElectronDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnivms-electron-stand-in-'))
  const wire = `${FUSE_SENTINEL}\u0001${String.fromCharCode(ELECTRON_DEFAULT_WIRE.length)}${ELECTRON_DEFAULT_WIRE}`
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "stand-in for the Electron binary (package:check)" >&2\nexit 1\n# ${wire}\n`)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'version'), JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version)
  mkdirSync(join(dir, 'resources'))
  return dir
}

if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
  console.error('package:check: the app is not built (out/main/index.js is missing). Run `npm run build` first.')
  process.exit(1)
}

const real = realElectronDist()
// With the real binary, this OS's own layout (CI runs this on Windows, macOS and Linux); the stand-in is a Linux one.
const platform: keyof typeof LAYOUTS = real && (process.platform === 'win32' || process.platform === 'darwin') ? process.platform : 'linux'
const layout = LAYOUTS[platform]
const electronDist = real ?? standInElectronDist()
console.log(
  real
    ? `package:check: packaging with the installed Electron binary (${real}).`
    : 'package:check: the Electron binary is not installed here, so electron-builder packages against a STAND-IN Electron folder.\n' +
        '  Real: file selection, app.asar, fuse flipping. Not real: the executable itself.'
)
const output = mkdtempSync(join(tmpdir(), 'omnivms-package-'))
try {
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.config.ts',
      layout.flag,
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } }
  )
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    throw new Error(`electron-builder failed (exit ${result.status})`)
  }
  const appDir = layout.folder(output)
  const executable = packagedExecutable({ appOutDir: appDir, electronPlatformName: platform }, PRODUCT_NAME, EXECUTABLE_NAME)
  const asarPath = platform === 'darwin' ? join(executable, 'Contents', 'Resources', 'app.asar') : join(appDir, 'resources', 'app.asar')
  const files = asar
    .listPackage(asarPath, { isPack: false })
    .filter((entry) => {
      const stat = asar.statFile(asarPath, entry.replace(/^[\\/]/, ''), false) as { files?: unknown }
      return stat.files === undefined
    })
    .map((entry) => entry.replaceAll('\\', '/'))
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Parameters<typeof productionPackages>[0]
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  const packageAt = (folder: string): string | null => {
    try {
      const manifest = JSON.parse(asar.extractFile(asarPath, `${folder}/package.json`).toString('utf8')) as { name?: string; version?: string }
      return `${manifest.name}@${manifest.version}`
    } catch {
      return null
    }
  }
  const problems = checkAsarContents(files, packageAt, productionPackages(lock), Object.keys(pkg.dependencies))

  const wire = await getCurrentFuseWire(executable)
  for (const [option, enabled] of Object.entries(FUSES)) {
    const index = Number(option)
    const expected = enabled ? FuseState.ENABLE : FuseState.DISABLE
    if (wire[index as FuseV1Options] !== expected) problems.push(`fuse ${FuseV1Options[index]} is not ${enabled ? 'on' : 'off'} in the packaged binary`)
  }

  const size = statSync(asarPath).size
  console.log(`package:check: app.asar is ${(size / 1024 / 1024).toFixed(2)} MB with ${files.length} files (built in ${((Date.now() - started) / 1000).toFixed(1)} s).`)
  console.log(`package:check: fuses read back from the packaged executable: ${Object.keys(FUSES).length} set as build/fuses.ts says.`)
  if (problems.length > 0) {
    console.error(`package:check FAILED:\n  ${problems.slice(0, 40).join('\n  ')}${problems.length > 40 ? `\n  … and ${problems.length - 40} more` : ''}`)
    process.exitCode = 1
  } else {
    console.log('package:check: OK — only out/, package.json and production dependencies are inside, and every required file is there.')
  }
} finally {
  rmSync(output, { recursive: true, force: true })
  if (!real) rmSync(electronDist, { recursive: true, force: true })
}
