import { createServer, request, type IncomingMessage, type RequestOptions, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpExecutor } from 'builder-util-runtime'
import { DebUpdater } from 'electron-updater/out/DebUpdater'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestCore, tempProfile } from '../support/test-core'

/**
 * electron-updater's own feed reading and version comparison, run in plain Node against an update
 * feed served from 127.0.0.1. What is substituted: Electron's app (a plain object with the same
 * fields) and its net-module HTTP executor (Node's http). What is real: the generic provider,
 * the channel file names, the YAML parsing and the semver comparison the app relies on.
 */
class NodeHttpExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return request(options, callback)
  }
}

const feeds: Record<string, string> = {
  '/stable/latest-linux.yml': 'version: 0.2.0\nfiles:\n  - url: omnivms-desktop_0.2.0_amd64.deb\n    sha512: AAAA\n    size: 1000\npath: omnivms-desktop_0.2.0_amd64.deb\nsha512: AAAA\nreleaseDate: 2026-11-20T10:00:00.000Z\n',
  '/same/latest-linux.yml': 'version: 0.1.0\nfiles:\n  - url: omnivms-desktop_0.1.0_amd64.deb\n    sha512: AAAA\n    size: 1000\npath: omnivms-desktop_0.1.0_amd64.deb\nsha512: AAAA\nreleaseDate: 2026-11-01T10:00:00.000Z\n',
  '/old/latest-linux.yml': 'version: 0.0.9\nfiles:\n  - url: omnivms-desktop_0.0.9_amd64.deb\n    sha512: AAAA\n    size: 1000\npath: omnivms-desktop_0.0.9_amd64.deb\nsha512: AAAA\nreleaseDate: 2026-10-01T10:00:00.000Z\n',
  '/stable/beta-linux.yml': 'version: 0.3.0-beta.1\nfiles:\n  - url: omnivms-desktop_0.3.0-beta.1_amd64.deb\n    sha512: AAAA\n    size: 1000\npath: omnivms-desktop_0.3.0-beta.1_amd64.deb\nsha512: AAAA\nreleaseDate: 2026-11-25T10:00:00.000Z\n'
}
let server: Server
let base: string
let dir: string
const served: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omnivms-updater-'))
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    served.push(path)
    const body = feeds[path]
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

function updaterAt(url: string, channel: 'latest' | 'beta') {
  const app = {
    version: '0.1.0',
    name: 'OmniValVMS Desktop',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined
  }
  const updater = new DebUpdater(undefined, app)
  // A protected field of AppUpdater: Electron's net-module executor, swapped for Node's http here.
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() })
  // As the app sets it (src/main/electron/updater.ts): the core decides what downloads; never a downgrade.
  updater.autoDownload = false
  updater.allowDowngrade = false
  updater.logger = null
  updater.allowPrerelease = channel === 'beta'
  updater.setFeedURL({ provider: 'generic', url, channel })
  return updater
}

describe('electron-updater against a feed on 127.0.0.1', () => {
  it('reads the stable channel file and recognises a newer version', async () => {
    const result = await updaterAt(`${base}/stable`, 'latest').checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(true)
    expect(result?.updateInfo.version).toBe('0.2.0')
    expect(served).toContain('/stable/latest-linux.yml')
  })

  it('reports no update when the feed has the running version', async () => {
    const result = await updaterAt(`${base}/same`, 'latest').checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(false)
  })

  it('never offers a downgrade, even from a feed whose newest file is older', async () => {
    const result = await updaterAt(`${base}/old`, 'latest').checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(false)
    expect(served).toContain('/old/latest-linux.yml')
  })

  it('reads the beta channel file on the beta channel', async () => {
    const result = await updaterAt(`${base}/stable`, 'beta').checkForUpdates()
    expect(result?.isUpdateAvailable).toBe(true)
    expect(result?.updateInfo.version).toBe('0.3.0-beta.1')
    expect(served).toContain('/stable/beta-linux.yml')
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
