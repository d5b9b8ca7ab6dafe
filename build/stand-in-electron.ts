/**
 * A stand-in for Electron's unpacked distribution, per OS, for packing where the real binary
 * cannot be downloaded. It has what electron-builder reads and rewrites — the executable by
 * Electron's name, carrying Electron's fuse wire (the sentinel, version 1, length, one byte per
 * fuse, as Electron's own defaults); on Windows a real PE file with a version resource (the asar
 * integrity and version strings are written into it); on macOS the bundle's Info.plist files, the
 * helper apps and Electron Framework (where the fuse wire lives) — and nothing that runs.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import plist from 'plist'
import { NtExecutable, NtExecutableResource, Resource } from 'resedit'

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's own defaults, in FuseV1Options order: what an unflipped binary carries. */
export const ELECTRON_DEFAULT_WIRE = '101100011'
/** The Windows version resource's language (US English, Unicode), as Electron's own. */
const WIN_LANGUAGE = { lang: 1033, codepage: 1200 }
/** The macOS helpers Electron 45 ships, by suffix. */
const MAC_HELPERS = ['', ' (GPU)', ' (Plugin)', ' (Renderer)']

export type LayoutPlatform = 'linux' | 'win32' | 'darwin'

export function fuseWire(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1')])
}

/** A real, empty PE executable with Electron's version resource and the fuse wire in a data resource. */
export function standInWindowsExecutable(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  const executable = NtExecutable.createEmpty(false, false)
  const resource = NtExecutableResource.from(executable)
  const version = Resource.VersionInfo.createEmpty()
  version.lang = WIN_LANGUAGE.lang
  version.setStringValues(WIN_LANGUAGE, { ProductName: 'Electron', FileDescription: 'Electron', CompanyName: 'stand-in (package:check)' })
  version.outputToResourceEntries(resource.entries)
  // RT_RCDATA: bytes kept as they are when electron-builder rewrites the file.
  resource.entries.push({ type: 10, id: 'STANDIN_FUSES', ...WIN_LANGUAGE, bin: new Uint8Array(fuseWire(wire)).buffer })
  resource.outputResource(executable)
  return Buffer.from(executable.generate())
}

function bundleInfo(executable: string, identifier: string): string {
  return plist.build({
    CFBundleExecutable: executable,
    CFBundleIdentifier: identifier,
    CFBundleName: executable,
    CFBundleDisplayName: executable,
    CFBundleIconFile: 'electron.icns',
    CFBundlePackageType: 'APPL',
    CFBundleVersion: '1',
    CFBundleShortVersionString: '1'
  })
}

function script(path: string): void {
  writeFileSync(path, '#!/bin/sh\necho "stand-in for the Electron binary (package:check)" >&2\nexit 1\n')
  chmodSync(path, 0o755)
}

/** Writes a stand-in Electron dist folder for `platform` and returns it; the caller removes it. */
export function createStandInElectronDist(platform: LayoutPlatform, electronVersion: string): string {
  const dir = mkdtempSync(join(tmpdir(), `omnivms-electron-stand-in-${platform}-`))
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'version'), electronVersion)
  if (platform === 'linux') {
    writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (package:check)" >&2\nexit 1\n# '), fuseWire(), Buffer.from('\n')]))
    chmodSync(join(dir, 'electron'), 0o755)
    mkdirSync(join(dir, 'resources'))
  } else if (platform === 'win32') {
    writeFileSync(join(dir, 'electron.exe'), standInWindowsExecutable())
    mkdirSync(join(dir, 'resources'))
  } else {
    const contents = join(dir, 'Electron.app', 'Contents')
    mkdirSync(join(contents, 'MacOS'), { recursive: true })
    mkdirSync(join(contents, 'Resources'), { recursive: true })
    writeFileSync(join(contents, 'Info.plist'), bundleInfo('Electron', 'com.github.Electron'))
    script(join(contents, 'MacOS', 'Electron'))
    writeFileSync(join(contents, 'Resources', 'electron.icns'), 'stand-in\n')
    const framework = join(contents, 'Frameworks', 'Electron Framework.framework')
    mkdirSync(framework, { recursive: true })
    writeFileSync(join(framework, 'Electron Framework'), Buffer.concat([Buffer.from('stand-in framework '), fuseWire(), Buffer.from('\n')]))
    for (const suffix of MAC_HELPERS) {
      const helper = join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents')
      mkdirSync(join(helper, 'MacOS'), { recursive: true })
      writeFileSync(join(helper, 'Info.plist'), bundleInfo(`Electron Helper${suffix}`, 'com.github.Electron.helper'))
      script(join(helper, 'MacOS', `Electron Helper${suffix}`))
    }
  }
  return dir
}
