import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleLogger } from '../../src/main/core/logger'
import { createElectronUpdater } from '../../src/main/electron/updater'
import { electronUpdaterFor, feedForX64, windowsUpdateVerdicts, type UpdaterPlatform } from '../support/electron-updaters'
import { startTestCore, tempProfile } from '../support/test-core'

/**
 * The app's own updater port (src/main/electron/updater.ts) over electron-updater's updater for
 * each OS, against update feeds served from 127.0.0.1: the feed file each OS asks for, the channel,
 * the version rules, and on Windows the installer's signature checked against the publisher name
 * packed in app-update.yml. What stands in is listed in test/support/electron-updaters.ts.
 */
const FEED_FILE: Record<UpdaterPlatform, string> = { win32: 'latest.yml', darwin: 'latest-mac.yml', linux: 'latest-linux.yml' }
const BETA_FILE: Record<UpdaterPlatform, string> = { win32: 'beta.yml', darwin: 'beta-mac.yml', linux: 'beta-linux.yml' }
const INSTALLER: Record<UpdaterPlatform, (version: string) => string> = {
  win32: (v) => `OmniValVMS Desktop Setup ${v}.exe`,
  darwin: (v) => `OmniValVMS Desktop-${v}-arm64-mac.zip`,
  linux: (v) => `omnivms-desktop_${v}_amd64.deb`
}
const PUBLISHER = 'CN=OmniValVMS Inc., O=OmniValVMS Inc., L=Madison, S=Wisconsin, C=US'
const installerBytes = Buffer.from('MZ an installer, as far as this test is concerned\n'.repeat(64))
const sha512 = createHash('sha512').update(installerBytes).digest('base64')

function feed(platform: UpdaterPlatform, version: string, date: string): string {
  const file = encodeURI(INSTALLER[platform](version))
  return `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${installerBytes.length}\npath: ${file}\nsha512: ${sha512}\nreleaseDate: ${date}\n`
}

const served: string[] = []
const feeds = new Map<string, string>()
for (const platform of ['win32', 'darwin', 'linux'] as const) {
  feeds.set(`/stable/${FEED_FILE[platform]}`, feed(platform, '0.2.0', '2026-11-20T10:00:00.000Z'))
  feeds.set(`/same/${FEED_FILE[platform]}`, feed(platform, '0.1.0', '2026-11-01T10:00:00.000Z'))
  feeds.set(`/old/${FEED_FILE[platform]}`, feed(platform, '0.0.9', '2026-10-01T10:00:00.000Z'))
  feeds.set(`/stable/${BETA_FILE[platform]}`, feed(platform, '0.3.0-beta.1', '2026-11-25T10:00:00.000Z'))
}
let server: Server
let base: string
let restoreArch: () => void

beforeAll(async () => {
  restoreArch = feedForX64()
  server = createServer((req, res) => {
    const path = decodeURI((req.url ?? '').split('?')[0] ?? '')
    served.push(path)
    const body = feeds.get(path)
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  restoreArch()
  await new Promise((resolve) => server.close(resolve))
})

/** The app's port over `platform`'s updater; disposed after `use`. */
async function withPort<T>(platform: UpdaterPlatform, use: (port: ReturnType<typeof createElectronUpdater>) => Promise<T>, appUpdateConfig?: (dir: string) => string): Promise<T> {
  const made = electronUpdaterFor(platform, { appUpdateConfig })
  try {
    return await use(createElectronUpdater(consoleLogger, made.updater))
  } finally {
    made.dispose()
  }
}

describe.each(['win32', 'darwin', 'linux'] as const)('updates on %s, through the app’s updater', (platform) => {
  it(`reads ${FEED_FILE[platform]} on the stable channel and recognises a newer version`, async () => {
    const offered = await withPort(platform, async (port) => {
      port.setFeed({ url: `${base}/stable`, channel: 'stable' })
      return port.checkForUpdate()
    })
    expect(offered).toBe('0.2.0')
    expect(served).toContain(`/stable/${FEED_FILE[platform]}`)
  })

  it('offers nothing for the running version, and never a downgrade', async () => {
    for (const folder of ['same', 'old']) {
      const offered = await withPort(platform, async (port) => {
        port.setFeed({ url: `${base}/${folder}`, channel: 'stable' })
        return port.checkForUpdate()
      })
      expect(offered, folder).toBeNull()
      expect(served).toContain(`/${folder}/${FEED_FILE[platform]}`)
    }
  })

  it(`reads ${BETA_FILE[platform]} on the beta channel`, async () => {
    const offered = await withPort(platform, async (port) => {
      port.setFeed({ url: `${base}/stable`, channel: 'beta' })
      return port.checkForUpdate()
    })
    expect(offered).toBe('0.3.0-beta.1')
    expect(served).toContain(`/stable/${BETA_FILE[platform]}`)
  })
})

describe('Windows: an update installs only if its installer is signed by the publisher app-update.yml names', () => {
  /** app-update.yml as electron-builder packs it (package:check reads the real one from the Windows layout and runs this too). */
  function packedConfig(publisher: string | null): string {
    const file = join(profile.dir, `app-update-${publisher ? 'signed' : 'unsigned'}.yml`)
    writeFileSync(file, `provider: generic\nurl: https://updates.invalid/omnivms-desktop\nupdaterCacheDirName: omnivms-desktop-updater\n${publisher ? `publisherName:\n  - ${publisher}\n` : ''}`)
    return file
  }
  const profile = tempProfile()
  afterAll(() => profile.remove())

  it('refuses an installer signed by anyone else, and accepts the one its publisher signed', async () => {
    const [other, own] = await windowsUpdateVerdicts(packedConfig(PUBLISHER), ['CN=Someone Else, O=Someone Else, C=US', PUBLISHER])
    expect(other).toMatch(/^ERR_UPDATER_INVALID_SIGNATURE New version 0\.2\.0 is not signed by the application owner/)
    expect(own).toBe('downloaded')
  })

  it('without a packed app-update.yml nothing downloads at all, and without a publisherName nothing is verified — why every build packs one (build/release-rules.ts)', async () => {
    expect(await windowsUpdateVerdicts(null, [PUBLISHER])).toEqual([expect.stringMatching(/ENOENT.*app-update\.yml/)])
    expect(await windowsUpdateVerdicts(packedConfig(null), ['CN=Someone Else, O=Someone Else, C=US'])).toEqual(['downloaded'])
  })
})

describe('the update feed from the window', () => {
  it('can no longer be set: the bridge refuses a feed address in the settings', async () => {
    const profile = tempProfile()
    const app = startTestCore({ sandboxUrl: 'http://127.0.0.1:9', profileDir: profile.dir })
    try {
      const refused = await app.call('updateSettings', { updates: { feedUrl: 'https://attacker.example.com/feed' } } as never)
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await app.call('updateSettings', { updates: { channel: 'beta' } })).toMatchObject({ ok: true })
      expect(JSON.stringify(await app.ok('getSettings'))).not.toContain('attacker')
    } finally {
      await app.core.dispose()
      profile.remove()
    }
  })
})
