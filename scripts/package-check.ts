/**
 * `npm run package:check`: packs the Linux, Windows and macOS layouts with electron-builder and the
 * real configuration (build/pack-layout.ts), then proves for each what ships and that it can start:
 * every file in app.asar is the built app, package.json or a production dependency; the
 * executable is where the packager named it; its fuses read back as build/fuses.ts sets them; the
 * asar integrity is embedded (Windows, macOS); app-update.yml is packed, on Windows with the
 * publisher name a signed release verifies updates against; and the folders and files ci.yml and
 * release.yml upload match what electron-builder made.
 *
 * Where an OS's Electron binary is not installed (here: none is), that layout is packed against a
 * stand-in Electron folder (build/stand-in-electron.ts), and the output says so.
 */
import asar from '@electron/asar'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { log } from 'electron-builder'
import { builderConfig } from '../electron-builder.config'
import { checkAsarContents, productionPackages } from '../build/asar-rules'
import { asarOf, layoutProblems, notUploaded, packedUpdateConfig, resourcesOf, uploadGlobs } from '../build/layout-checks'
import { packLayout } from '../build/pack-layout'
import { LINUX_EXECUTABLE_NAME, PRODUCT_NAME } from '../build/packaged-app'
import { createStandInElectronDist, type LayoutPlatform } from '../build/stand-in-electron'
import { windowsUpdateVerdicts } from '../test/support/electron-updaters'

const ROOT = resolve(import.meta.dirname, '..')
/** A publisher name as a signed release sets it (OMNIVMS_WIN_PUBLISHER); nothing is signed here. */
const RELEASE_PUBLISHER = 'CN=OmniValVMS Desktop package check, O=OmniValVMS, C=US'
/** Electron's executable in its dist folder, per OS. */
const ELECTRON_IN_DIST: Record<LayoutPlatform, string> = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app' }
const LAYOUTS: { platform: LayoutPlatform; label: string; arch: 'x64' | 'arm64' }[] = [
  { platform: 'linux', label: 'Linux', arch: 'x64' },
  { platform: 'win32', label: 'Windows', arch: 'x64' },
  { platform: 'darwin', label: 'macOS', arch: 'arm64' }
]
/** electron-builder's default file names for the installers and feed files release.yml must upload. */
function releaseFiles(version: string): Record<LayoutPlatform, string[]> {
  return {
    win32: [`${PRODUCT_NAME} Setup ${version}.exe`, `${PRODUCT_NAME} Setup ${version}.exe.blockmap`, 'latest.yml'],
    darwin: [`${PRODUCT_NAME}-${version}-arm64.dmg`, `${PRODUCT_NAME}-${version}-arm64-mac.zip`, `${PRODUCT_NAME}-${version}-arm64-mac.zip.blockmap`, 'latest-mac.yml'],
    linux: [`${PRODUCT_NAME}-${version}.AppImage`, `${LINUX_EXECUTABLE_NAME}_${version}_amd64.deb`, 'latest-linux.yml']
  }
}

/** The installed Electron binary's dist folder, when it is this OS's and installed (CI on each OS). */
function realElectronDist(platform: LayoutPlatform): string | null {
  const dist = join(ROOT, 'node_modules', 'electron', 'dist')
  return process.platform === platform && existsSync(join(dist, ELECTRON_IN_DIST[platform])) ? dist : null
}

function asarProblems(asarPath: string): { problems: string[]; files: number } {
  const files = asar
    .listPackage(asarPath, { isPack: false })
    .filter((entry) => (asar.statFile(asarPath, entry.replace(/^[\\/]/, ''), false) as { files?: unknown }).files === undefined)
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
  return { problems: checkAsarContents(files, packageAt, productionPackages(lock), Object.keys(pkg.dependencies)), files: files.length }
}

if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
  console.error('package:check: the app is not built (out/main/index.js is missing). Run `npm run build` first.')
  process.exit(1)
}

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
const ciUploads = uploadGlobs(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8'), /unpacked app/i)
const releaseUploads = uploadGlobs(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'))
// Packed as a signed Windows release is configured, so its app-update.yml must carry the publisher.
// A fresh configuration for each layout: electron-builder normalises the one it is given in place.
const releaseConfig = () => builderConfig({ ...process.env, OMNIVMS_WIN_PUBLISHER: process.env.OMNIVMS_WIN_PUBLISHER ?? RELEASE_PUBLISHER })
const publisherName = (releaseConfig().win?.signtoolOptions?.publisherName as string[] | null | undefined)?.[0] ?? null

// electron-builder's own progress lines are kept, and shown when its layout has a problem.
const builderLog: string[] = []
Object.assign(log, { stream: { write: (text: string) => builderLog.push(text) } })
const output = mkdtempSync(join(tmpdir(), 'omnivms-package-'))
const problems: string[] = []
try {
  for (const layout of LAYOUTS) {
    const real = realElectronDist(layout.platform)
    const electronDist = real ?? createStandInElectronDist(layout.platform, electronVersion)
    const started = Date.now()
    try {
      builderLog.length = 0
      const { app, targets } = await packLayout({ config: releaseConfig(), platform: layout.platform, arch: layout.arch, electronDist, output, projectDir: ROOT })
      const asarPath = asarOf(output, app)
      const contents = existsSync(asarPath) ? asarProblems(asarPath) : { problems: [], files: 0 }
      const found = [...(await layoutProblems(output, app, { publisherName: layout.platform === 'win32' ? publisherName : null })), ...contents.problems]
      const ciMissing = notUploaded([`dist/${app.appOutDir}`], ciUploads)
      if (ciMissing.length > 0) found.push(`ci.yml's "Upload the unpacked app" does not upload ${ciMissing.join(', ')} (it uploads ${ciUploads.join(', ')})`)
      const releaseMissing = notUploaded(releaseFiles(version)[layout.platform].map((f) => `dist/${f}`), releaseUploads)
      if (releaseMissing.length > 0) found.push(`release.yml uploads none of: ${releaseMissing.join(', ')}`)
      const update = packedUpdateConfig(output, app)
      let verified: string | null = null
      if (layout.platform === 'win32' && publisherName !== null) {
        // electron-updater's own check, reading the app-update.yml just packed (Get-AuthenticodeSignature's answer stood in).
        const [other, own] = await windowsUpdateVerdicts(join(resourcesOf(output, app), 'app-update.yml'), ['CN=Someone Else, O=Someone Else, C=US', publisherName])
        if (!other?.startsWith('ERR_UPDATER_INVALID_SIGNATURE')) found.push(`an update signed by someone else was not refused (${other})`)
        if (own !== 'downloaded') found.push(`an update signed by the publisher was not accepted (${own})`)
        verified = 'electron-updater, reading this app-update.yml, refuses an installer signed by someone else and takes the publisher’s (Get-AuthenticodeSignature’s answer stood in)'
      }
      console.log(`package:check: ${layout.label} (${layout.arch}), packed for ${targets.join(' + ')} in ${((Date.now() - started) / 1000).toFixed(1)} s against ${real ? `the installed Electron binary (${real})` : 'a STAND-IN Electron folder'}:`)
      console.log(`  executable: dist/${app.executable}`)
      console.log(`  app.asar: ${contents.files} files, ${(existsSync(asarPath) ? asar.getRawHeader(asarPath).headerSize : 0).toLocaleString('en-US')}-byte header`)
      console.log(`  app-update.yml: ${update ? `${update.provider} ${update.url}${update.publisherName ? `, publisherName ${[update.publisherName].flat().join(' | ')}` : ''}` : 'missing'}`)
      if (verified) console.log(`  updates: ${verified}`)
      console.log(
        `  real here: file selection, app.asar, ${layout.platform === 'linux' ? '' : 'the asar integrity embedded in the executable, '}${layout.platform === 'win32' ? 'version and icon resources, ' : ''}fuse flipping and read-back, the executable's name and path, app-update.yml, the workflows' upload paths`
      )
      if (!real) console.log(`  not real: the executable itself${layout.platform === 'darwin' ? ', code signing and the ad-hoc re-signature (macOS only)' : layout.platform === 'win32' ? ', code signing (no certificate here)' : ''}; the installer (${targets.join(', ')}) is not made`)
      if (found.length > 0) problems.push(...found.map((p) => `${layout.label}: ${p}`))
      if (found.length > 0) console.log(builderLog.join(''))
      else console.log(`  OK — only out/, package.json and production dependencies are inside; every fuse is as build/fuses.ts says.`)
    } catch (error) {
      console.log(builderLog.join(''))
      throw error
    } finally {
      if (!real) rmSync(electronDist, { recursive: true, force: true })
    }
  }
} finally {
  rmSync(output, { recursive: true, force: true })
}
if (problems.length > 0) {
  console.error(`package:check FAILED:\n  ${problems.slice(0, 40).join('\n  ')}${problems.length > 40 ? `\n  … and ${problems.length - 40} more` : ''}`)
  process.exitCode = 1
} else {
  console.log(`package:check: OK — ${LAYOUTS.map((l) => l.label).join(', ')} layouts packed and checked.`)
}
