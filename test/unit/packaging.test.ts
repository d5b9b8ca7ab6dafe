import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, posix, resolve, win32 } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NO_FEED_URL, releaseSettings } from '../../build/release-rules'
import config, { builderConfig } from '../../electron-builder.config'
import { notUploaded, uploadGlobs } from '../../build/layout-checks'
import { installerTargets } from '../../build/pack-layout'
import { packagedAppOf, packagedBinary, packagedExecutable } from '../../build/packaged-app'
import { checkAsarContents, productionPackages } from '../../build/asar-rules'
import { FUSES, flipAllFuses } from '../../build/fuses'
import { ICNS_TYPES, pngSize, readIcnsTypes, readIcoSizes } from '../../build/icon-formats/containers'
import { tempProfile } from '../support/test-core'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
let profile: ReturnType<typeof tempProfile> | null = null
afterEach(() => {
  profile?.remove()
  profile = null
})

/** A file carrying Electron's fuse wire, as the real binary does. */
function standInBinary(wire: string): string {
  profile = tempProfile()
  const path = join(profile.dir, 'electron')
  writeFileSync(path, `binary…${SENTINEL}\u0001${String.fromCharCode(wire.length)}${wire}…rest`)
  return path
}

describe('fuses', () => {
  it('sets every fuse the installed @electron/fuses knows, each to the decided value', () => {
    const known = Object.values(FuseV1Options).filter((v): v is FuseV1Options => typeof v === 'number')
    expect(Object.keys(FUSES).map(Number).sort()).toEqual([...known].sort())
    expect({
      RunAsNode: FUSES[FuseV1Options.RunAsNode],
      EnableCookieEncryption: FUSES[FuseV1Options.EnableCookieEncryption],
      EnableNodeOptionsEnvironmentVariable: FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: FUSES[FuseV1Options.EnableNodeCliInspectArguments],
      EnableEmbeddedAsarIntegrityValidation: FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      OnlyLoadAppFromAsar: FUSES[FuseV1Options.OnlyLoadAppFromAsar],
      LoadBrowserProcessSpecificV8Snapshot: FUSES[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      GrantFileProtocolExtraPrivileges: FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]
    }).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false
    })
  })

  it('flips a binary so that every fuse reads back as configured', async () => {
    const binary = standInBinary('101100011')
    await flipAllFuses(binary, { resetAdHocDarwinSignature: false })
    const wire = await getCurrentFuseWire(binary)
    for (const [option, enabled] of Object.entries(FUSES)) {
      expect(wire[Number(option) as FuseV1Options], FuseV1Options[Number(option)]).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE)
    }
  })

  it('refuses a binary with a fuse the config does not decide', async () => {
    const binary = standInBinary('1011000111')
    await expect(flipAllFuses(binary, { resetAdHocDarwinSignature: false })).rejects.toThrow(/strictlyRequireAllFuses|not long enough/)
  })
})

describe('installer configuration', () => {
  it('names the app, declares the omnivms:// protocol, no file associations, and flips fuses after packing', () => {
    expect(config).toMatchObject({ appId: 'com.omnivms.desktop', productName: 'OmniValVMS Desktop', asar: true, fileAssociations: [] })
    expect(config.protocols).toEqual([{ name: 'OmniValVMS link', schemes: ['omnivms'] }])
    expect(typeof config.afterPack).toBe('function')
    expect(config.electronFuses ?? null).toBeNull()
  })

  it('builds per-user NSIS, dmg + zip, AppImage + deb for x64 and arm64', () => {
    const targets = (t: unknown) => (t as { target: string; arch: string[] }[]).map((x) => `${x.target}:${x.arch.join('+')}`)
    expect(targets(config.win?.target)).toEqual(['nsis:x64+arm64'])
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(targets(config.mac?.target)).toEqual(['dmg:x64+arm64', 'zip:x64+arm64'])
    expect(targets(config.linux?.target)).toEqual(['AppImage:x64+arm64', 'deb:x64+arm64'])
  })

  it('ships only the built app and package.json, never sources, source maps or typings', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!**/*.map']))
    expect((config.files as string[]).filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json'])
  })
})

describe('the executable, by the packager’s own name', () => {
  const packager = (productFilename: string, executableName?: string) => ({ appInfo: { productFilename }, ...(executableName ? { executableName } : {}) })

  it('is the product name on Windows and macOS, the command name on Linux, wherever this runs', () => {
    expect(packagedExecutable({ appOutDir: 'D:\\a\\dist\\win-unpacked', electronPlatformName: 'win32', packager: packager('OmniValVMS Desktop') }, win32)).toBe('D:\\a\\dist\\win-unpacked\\OmniValVMS Desktop.exe')
    expect(packagedExecutable({ appOutDir: '/u/dist/mac-arm64', electronPlatformName: 'darwin', packager: packager('OmniValVMS Desktop') }, posix)).toBe('/u/dist/mac-arm64/OmniValVMS Desktop.app')
    expect(packagedBinary('darwin', '/u/dist/mac-arm64/OmniValVMS Desktop.app', posix)).toBe('/u/dist/mac-arm64/OmniValVMS Desktop.app/Contents/MacOS/OmniValVMS Desktop')
    expect(packagedExecutable({ appOutDir: '/u/dist/linux-unpacked', electronPlatformName: 'linux', packager: packager('OmniValVMS Desktop', 'omnivms-desktop') }, posix)).toBe('/u/dist/linux-unpacked/omnivms-desktop')
    // Whatever the packager names it, that is the file: nothing here spells the name.
    expect(packagedExecutable({ appOutDir: 'C:\\w', electronPlatformName: 'win32', packager: packager('renamed') }, win32)).toBe('C:\\w\\renamed.exe')
  })

  it('is recorded relative to the output folder with forward slashes, on every OS', () => {
    expect(packagedAppOf({ outDir: 'D:\\a\\dist', appOutDir: 'D:\\a\\dist\\win-unpacked', electronPlatformName: 'win32', arch: 1, packager: packager('OmniValVMS Desktop') }, win32)).toEqual({
      platform: 'win32',
      arch: 'x64',
      appOutDir: 'win-unpacked',
      executable: 'win-unpacked/OmniValVMS Desktop.exe'
    })
    expect(packagedAppOf({ outDir: '/u/dist', appOutDir: '/u/dist/mac-arm64', electronPlatformName: 'darwin', arch: 3, packager: packager('OmniValVMS Desktop') }, posix)).toMatchObject({ arch: 'arm64', executable: 'mac-arm64/OmniValVMS Desktop.app' })
  })

  it('is named so by the configuration: the product name for Windows and macOS, omnivms-desktop for Linux', () => {
    expect({ linux: config.executableName, win: config.win?.executableName, mac: config.mac?.executableName }).toEqual({ linux: 'omnivms-desktop', win: 'OmniValVMS Desktop', mac: 'OmniValVMS Desktop' })
    expect(installerTargets(config, 'win32')).toEqual(['nsis'])
    expect(installerTargets(config, 'darwin')).toEqual(['dmg', 'zip'])
    expect(installerTargets(config, 'linux')).toEqual(['AppImage', 'deb'])
  })
})

describe('updates verified whatever sets the feed', () => {
  it('always has a publish configuration, so app-update.yml (with the Windows publisher) is packed', () => {
    expect(builderConfig({}).publish).toEqual([{ provider: 'generic', url: NO_FEED_URL }])
    expect(new URL(NO_FEED_URL).hostname.endsWith('.invalid')).toBe(true)
    const signed = builderConfig({ OMNIVMS_UPDATE_FEED_URL: 'https://updates.example.org/omnivms', WIN_CSC_LINK: 'cert.pfx', OMNIVMS_WIN_PUBLISHER: 'CN=OmniValVMS Inc.' })
    expect(signed.publish).toEqual([{ provider: 'generic', url: 'https://updates.example.org/omnivms' }])
    expect(signed.win?.signtoolOptions?.publisherName).toEqual(['CN=OmniValVMS Inc.'])
  })
})

describe('the workflows upload what electron-builder makes', () => {
  const ci = uploadGlobs(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8'), /unpacked app/i)
  const release = uploadGlobs(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'))

  it('CI uploads each OS’s unpacked folder, the macOS one (mac-arm64, no -unpacked) too', () => {
    expect(notUploaded(['dist/win-unpacked', 'dist/linux-unpacked', 'dist/mac-arm64', 'dist/mac', 'dist/win-arm64-unpacked'], ci)).toEqual([])
    expect(notUploaded(['dist/mac-arm64'], ['dist/*-unpacked/'])).toEqual(['dist/mac-arm64'])
  })

  it('a release uploads every installer and feed file, and not electron-builder’s debug file', () => {
    expect(notUploaded(['dist/OmniValVMS Desktop Setup 0.1.0.exe', 'dist/OmniValVMS Desktop-0.1.0-arm64.dmg', 'dist/omnivms-desktop_0.1.0_amd64.deb', 'dist/latest-mac.yml', 'dist/OmniValVMS Desktop-0.1.0.AppImage'], release)).toEqual([])
    expect(release).toContain('!dist/builder-debug.yml')
  })
})

describe('what may be inside app.asar', () => {
  const production = new Set(['hono@4.13.19', 'zod@4.6.7'])
  const packageAt = (folder: string) => ({ 'node_modules/hono': 'hono@4.13.19', 'node_modules/zod': 'zod@4.6.7', 'node_modules/eslint': 'eslint@10.15.0' })[folder] ?? null
  const required = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/hono/package.json', '/node_modules/zod/package.json']

  it('accepts the built app with its production dependencies', () => {
    expect(checkAsarContents([...required, '/out/renderer/assets/index.js', '/node_modules/hono/dist/index.js'], packageAt, production, ['hono', 'zod'])).toEqual([])
  })

  it('names sources, source maps, dev dependencies and missing files', () => {
    const problems = checkAsarContents(
      [...required.filter((f) => f !== '/out/preload/index.cjs'), '/src/main/index.ts', '/out/main/index.js.map', '/node_modules/eslint/lib/api.js', '/bench/startup.ts'],
      packageAt,
      production,
      ['hono', 'zod']
    )
    expect(problems).toEqual([
      'outside the allowed set (out/, package.json, production dependencies): src/main/index.ts',
      'source map shipped: out/main/index.js.map',
      'not a production dependency: node_modules/eslint/lib/api.js (eslint@10.15.0)',
      'outside the allowed set (out/, package.json, production dependencies): bench/startup.ts',
      'required file missing: out/preload/index.cjs'
    ])
  })

  it('reads the production tree from the lock file, leaving dev dependencies out', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
    const packages = productionPackages(lock)
    expect(packages.has('zod@4.6.7')).toBe(true)
    expect([...packages].some((p) => p.startsWith('eslint@') || p.startsWith('electron-builder@') || p.startsWith('electron@'))).toBe(false)
  })
})

describe('app icon', () => {
  it('has the sizes Linux, Windows and macOS ask for', () => {
    const build = join(ROOT, 'build')
    expect(pngSize(readFileSync(join(build, 'icon.png')))).toEqual({ width: 1024, height: 1024 })
    const linux = readdirSync(join(build, 'icons')).sort()
    expect(linux).toEqual(['128x128.png', '16x16.png', '256x256.png', '32x32.png', '48x48.png', '512x512.png', '64x64.png'])
    for (const name of linux) {
      const size = Number(name.split('x')[0])
      expect(pngSize(readFileSync(join(build, 'icons', name)))).toEqual({ width: size, height: size })
    }
    expect(readIcoSizes(readFileSync(join(build, 'icon.ico')))).toEqual([16, 24, 32, 48, 64, 128, 256])
    expect(readIcnsTypes(readFileSync(join(build, 'icon.icns')))).toEqual(ICNS_TYPES.map((t) => t.type))
  })
})

describe('release rules', () => {
  it('refuses an update feed that is not https, and signing Windows builds without the publisher name updates verify', () => {
    expect(releaseSettings({})).toEqual({ updateFeedUrl: null, windowsPublisher: null })
    expect(releaseSettings({ OMNIVMS_UPDATE_FEED_URL: 'https://updates.omnivms.com/desktop' }).updateFeedUrl).toBe('https://updates.omnivms.com/desktop')
    expect(() => releaseSettings({ OMNIVMS_UPDATE_FEED_URL: 'http://updates.omnivms.com/desktop' })).toThrow(/https/)
    expect(() => releaseSettings({ OMNIVMS_UPDATE_FEED_URL: 'https://user:pw@updates.omnivms.com/' })).toThrow(/https/)
    expect(() => releaseSettings({ WIN_CSC_LINK: 'cert.pfx' })).toThrow(/OMNIVMS_WIN_PUBLISHER/)
    expect(releaseSettings({ WIN_CSC_LINK: 'cert.pfx', OMNIVMS_WIN_PUBLISHER: 'OmniValVMS Inc.' }).windowsPublisher).toBe('OmniValVMS Inc.')
  })
})
