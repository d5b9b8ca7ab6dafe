import { join } from 'node:path'
import type { AfterPackContext, Configuration } from 'electron-builder'
import { flipAllFuses } from './build/fuses'
import { releaseSettings } from './build/release-rules'

/**
 * How the installers are built: `npm run dist` (installers for this OS) and `npm run package:check`
 * (the unpacked Linux app, checked file by file). Signing and the update feed come from the
 * environment; see the README's "Release" section.
 */
const { updateFeedUrl, windowsPublisher } = releaseSettings(process.env)
const signingMac = Boolean(process.env.CSC_LINK || process.env.CSC_NAME)

/** The executable inside the unpacked app, per OS, as electron-builder names it. */
export function packagedExecutable(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName'>, productName: string, executableName: string): string {
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${productName}.app`)
    case 'win32':
      return join(context.appOutDir, `${productName}.exe`)
    default:
      return join(context.appOutDir, executableName)
  }
}

export const PRODUCT_NAME = 'OmniValVMS Desktop'
export const EXECUTABLE_NAME = 'omnivms-desktop'

const config: Configuration = {
  appId: 'com.omnivms.desktop',
  productName: PRODUCT_NAME,
  executableName: EXECUTABLE_NAME,
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
  afterPack: async (context) => {
    await flipAllFuses(packagedExecutable(context, PRODUCT_NAME, EXECUTABLE_NAME), {
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && !signingMac
    })
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
    // Set WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD to sign; unsigned builds still install.
    // electron-updater verifies an update's signature against this name (required when signing: build/release-rules.ts).
    signtoolOptions: { publisherName: windowsPublisher ? [windowsPublisher] : null }
  },
  // Per-user install into %LOCALAPPDATA%: no administrator rights asked.
  nsis: { oneClick: true, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false, shortcutName: PRODUCT_NAME },
  mac: {
    // The zip is what auto-update downloads; the dmg is what people install from.
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] }
    ],
    icon: 'build/icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    // Notarized when APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID (or an API key) are set.
    notarize: Boolean(process.env.APPLE_TEAM_ID)
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
  publish: updateFeedUrl ? [{ provider: 'generic', url: updateFeedUrl }] : null
}

export default config
