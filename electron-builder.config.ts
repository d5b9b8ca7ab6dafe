import type { Configuration } from 'electron-builder'
import { flipAllFuses } from './build/fuses'
import { LINUX_EXECUTABLE_NAME, PRODUCT_NAME, packagedAppOf, packagedExecutable, recordPackagedApp, type PackContext } from './build/packaged-app'
import { NO_FEED_URL, releaseSettings } from './build/release-rules'

/**
 * How the installers are built: `npm run dist` (installers for this OS) and `npm run package:check`
 * (the unpacked Linux, Windows and macOS layouts, checked file by file). Signing and the update
 * feed come from the environment; see the README's "Release" section.
 */
/** ad-hoc re-signing after the fuses flip needs macOS's `codesign`: only a macOS host can do it. */
const canResignMac = process.platform === 'darwin'

export { PRODUCT_NAME }

/** The configuration for a build whose signing and feed come from `env` (the release's environment). */
export function builderConfig(env: Readonly<Record<string, string | undefined>>): Configuration {
  const { updateFeedUrl, windowsPublisher } = releaseSettings(env)
  const signingMac = Boolean(env.CSC_LINK || env.CSC_NAME)
  return {
    appId: 'com.omnivms.desktop',
    productName: PRODUCT_NAME,
    // Linux's command name; Windows and macOS name theirs below (build/packaged-app.ts says why).
    executableName: LINUX_EXECUTABLE_NAME,
    copyright: 'Copyright © 2026 OmniValVMS Desktop contributors',
    directories: { output: 'dist', buildResources: 'build' },
    // Only what runs: the built app and package.json. Production dependencies are added by
    // electron-builder from package.json; dev dependencies never are.
    files: ['out/**/*', 'package.json', '!**/*.map', '!**/*.d.ts', '!**/*.md', '!**/{test,tests,__tests__,docs,example,examples}/**'],
    asar: true,
    // Nothing here is compiled for Node's ABI: no native modules to rebuild.
    npmRebuild: false,
    // The update feed, when one is configured at build time, travels in the packaged package.json.
    extraMetadata: updateFeedUrl ? { omnivmsUpdateFeedUrl: updateFeedUrl } : {},
    protocols: [{ name: 'OmniValVMS link', schemes: ['omnivms'] }],
    fileAssociations: [],
    // Fuses are flipped here (not with electronFuses) so that every fuse must be listed: build/fuses.ts.
    // The executable is the one the packager named; where it is is recorded for package:check and the smoke test.
    afterPack: async (context) => {
      const packed = context as unknown as PackContext
      await flipAllFuses(packagedExecutable(packed), {
        resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && !signingMac && canResignMac
      })
      recordPackagedApp(context.outDir, packagedAppOf(packed))
    },
    win: {
      executableName: PRODUCT_NAME,
      target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
      icon: 'build/icon.ico',
      // Set WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD to sign; unsigned builds still install.
      // electron-updater verifies an update's signature against this name (required when signing: build/release-rules.ts).
      signtoolOptions: { publisherName: windowsPublisher ? [windowsPublisher] : null }
    },
    // Per-user install into %LOCALAPPDATA%: no administrator rights asked.
    nsis: { oneClick: true, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false, shortcutName: PRODUCT_NAME },
    mac: {
      executableName: PRODUCT_NAME,
      // The zip is what auto-update downloads; the dmg is what people install from.
      target: [
        { target: 'dmg', arch: ['x64', 'arm64'] },
        { target: 'zip', arch: ['x64', 'arm64'] }
      ],
      icon: 'build/icon.icns',
      category: 'public.app-category.business',
      hardenedRuntime: true,
      // Notarized when APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID (or an API key) are set.
      notarize: Boolean(env.APPLE_TEAM_ID)
    },
    dmg: { title: PRODUCT_NAME },
    linux: {
      target: [
        { target: 'AppImage', arch: ['x64', 'arm64'] },
        { target: 'deb', arch: ['x64', 'arm64'] }
      ],
      icon: 'build/icons',
      category: 'Office',
      synopsis: 'Work your OmniValVMS appraisal orders',
      maintainer: 'OmniValVMS Desktop <desktop@omnivms.com>',
      vendor: 'OmniValVMS'
    },
    deb: { packageCategory: 'office' },
    // Always a publish configuration: electron-builder then packs app-update.yml (with the Windows
    // publisherName electron-updater verifies updates against) whatever feed the app ends up using;
    // an administrator's policy file changes only the URL. With no feed built in, the URL is one
    // that never resolves (the app then says no feed is configured).
    publish: [{ provider: 'generic', url: updateFeedUrl ?? NO_FEED_URL }]
  }
}

export default builderConfig(process.env)
