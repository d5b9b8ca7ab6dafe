/**
 * One OS's unpacked layout, packed by electron-builder's own code from the real configuration and
 * for that OS's real installer targets (NSIS; dmg + zip; AppImage + deb), stopped once the layout
 * is complete — after the app is copied, app.asar written, its integrity embedded, the fuses
 * flipped, app-update.yml written and signing tried — and before the installer itself is made
 * (makensis, hdiutil and appimagetool are not on this machine).
 */
import { Arch, Platform, build, type AfterPackContext, type Configuration } from 'electron-builder'
import { readPackagedApps, type PackagedApp } from './packaged-app'
import type { LayoutPlatform } from './stand-in-electron'

const PLATFORMS: Record<LayoutPlatform, Platform> = { linux: Platform.LINUX, win32: Platform.WINDOWS, darwin: Platform.MAC }
/** The installer targets configured for each OS, by name: their presence decides what electron-builder packs. */
const TARGET_KEYS: Record<LayoutPlatform, 'linux' | 'win' | 'mac'> = { linux: 'linux', win32: 'win', darwin: 'mac' }

export function installerTargets(config: Configuration, platform: LayoutPlatform): string[] {
  const targets = config[TARGET_KEYS[platform]]?.target
  const list = Array.isArray(targets) ? targets : targets ? [targets] : []
  return list.map((t) => (typeof t === 'string' ? t : t.target))
}

export interface PackedLayout {
  app: PackagedApp
  /** The installer targets the layout was packed for. */
  targets: string[]
}

export async function packLayout(options: { config: Configuration; platform: LayoutPlatform; arch: 'x64' | 'arm64'; electronDist: string; output: string; projectDir: string }): Promise<PackedLayout> {
  const { config, platform, output } = options
  const targets = installerTargets(config, platform)
  const afterPack = config.afterPack
  if (typeof afterPack !== 'function') throw new Error('the configuration flips the fuses in afterPack')
  await build({
    projectDir: options.projectDir,
    targets: PLATFORMS[platform].createTarget(targets, Arch[options.arch]),
    publish: 'never',
    config: {
      ...config,
      electronDist: options.electronDist,
      directories: { ...config.directories, output },
      afterPack: async (context: AfterPackContext) => {
        await afterPack(context)
        // Cancelled here, electron-builder still signs the app (doPack does not look again), then makes no installer.
        context.packager.info.cancellationToken.cancel()
      }
    }
  })
  const app = readPackagedApps(output).find((a) => a.platform === platform && a.arch === options.arch)
  if (!app) throw new Error(`electron-builder packed no ${platform} ${options.arch} layout (afterPack did not record one)`)
  return { app, targets }
}
