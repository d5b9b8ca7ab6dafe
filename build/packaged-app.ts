/**
 * Where electron-builder put the app's executable, by the packager's own name — never a name
 * written here — and the record of it that `package:check` and `scripts/smoke-packaged.mjs` read.
 *
 * The names, decided per OS (README → Install): Windows and macOS show the executable's name to
 * people (Explorer, the install folder, Finder, Launchpad, Activity Monitor), so there it is the
 * product name; on Linux it is a command, so it is `omnivms-desktop` (the .desktop entry and the
 * menu show the product name).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import hostPath, { type PlatformPath } from 'node:path'

export const PRODUCT_NAME = 'OmniValVMS Desktop'
export const LINUX_EXECUTABLE_NAME = 'omnivms-desktop'
/** Written beside the unpacked layouts by afterPack: each layout's executable, relative to the output folder. */
export const PACKAGED_APPS_FILE = 'packaged-apps.json'

/** What of electron-builder's afterPack context this needs: the packager names the executable. */
export interface PackContext {
  appOutDir: string
  outDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName?: string }
}

/**
 * The executable electron-builder wrote, as its own `addElectronFuses` finds it: the Linux
 * packager's `executableName`, else `appInfo.productFilename` (+ `.exe` / `.app`).
 */
export function packagedExecutable(context: Pick<PackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>, path: PlatformPath = hostPath): string {
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
    case 'win32':
      return path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.exe`)
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? context.packager.appInfo.productFilename)
  }
}

/** The binary that carries the fuse wire and must exist: inside the bundle on macOS. */
export function packagedBinary(platform: string, executable: string, path: PlatformPath = hostPath): string {
  if (platform !== 'darwin' && platform !== 'mas') return executable
  return path.join(executable, 'Contents', 'MacOS', path.basename(executable, '.app'))
}

export interface PackagedApp {
  platform: string
  /** electron-builder's Arch name: x64, arm64, … */
  arch: string
  /** Relative to the output folder, with forward slashes. */
  appOutDir: string
  executable: string
}

const ARCH_NAMES: Record<number, string> = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

export function packagedAppOf(context: PackContext, path: PlatformPath = hostPath): PackagedApp {
  const rel = (to: string) => path.relative(context.outDir, to).replaceAll('\\', '/')
  return { platform: context.electronPlatformName, arch: ARCH_NAMES[context.arch] ?? String(context.arch), appOutDir: rel(context.appOutDir), executable: rel(packagedExecutable(context, path)) }
}

/** Adds this layout to the output folder's record (layouts are packed one after another). */
export function recordPackagedApp(outDir: string, app: PackagedApp): void {
  const file = hostPath.join(outDir, PACKAGED_APPS_FILE)
  const others = readPackagedApps(outDir).filter((a) => a.platform !== app.platform || a.arch !== app.arch)
  writeFileSync(file, `${JSON.stringify([...others, app], null, 2)}\n`)
}

export function readPackagedApps(outDir: string): PackagedApp[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(hostPath.join(outDir, PACKAGED_APPS_FILE), 'utf8'))
    return Array.isArray(parsed) ? (parsed as PackagedApp[]) : []
  } catch {
    return []
  }
}
