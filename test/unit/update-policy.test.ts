import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../src/shared/ipc/app-schemas'
import { createLogger } from '../../src/main/core/logger'
import type { UpdaterPort } from '../../src/main/core/ports'
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, UpdateService } from '../../src/main/core/updates/update-service'
import { createFakeClock } from '../support/fake-clock'

function fakeUpdater(newer: string | null = null) {
  const calls: string[] = []
  let downloaded: ((version: string) => void) | null = null
  const updater: UpdaterPort & { calls: string[]; finishDownload(version: string): void; installOnQuit: boolean } = {
    calls,
    installOnQuit: false,
    setFeed: (feed) => void calls.push(`feed ${feed.url} ${feed.channel}`),
    checkForUpdate: async () => {
      calls.push('check')
      return newer
    },
    download: async () => void calls.push('download'),
    onDownloaded: (listener) => {
      downloaded = listener
      return () => (downloaded = null)
    },
    setInstallOnQuit(enabled) {
      this.installOnQuit = enabled
    },
    quitAndInstall: () => void calls.push('quitAndInstall'),
    finishDownload: (version) => downloaded?.(version)
  }
  return updater
}

function service(options: { updater: UpdaterPort | null; feed?: { url: string; channel: 'stable' | 'beta' } | null; busy?: () => boolean; currentVersion?: string }) {
  const clock = createFakeClock()
  const statuses: UpdateStatus[] = []
  const updates = new UpdateService({
    updater: options.updater,
    feed: () => {
      const feed = options.feed === undefined ? { url: 'https://updates.example.com', channel: 'stable' as const } : options.feed
      return feed ? { url: feed.url, source: 'installer' as const, problem: null, channel: feed.channel } : { url: null, source: null, problem: 'No update feed is configured.', channel: 'stable' as const }
    },
    currentVersion: options.currentVersion ?? '0.1.0',
    busy: options.busy ?? (() => false),
    clock,
    logger: createLogger(() => undefined),
    onStatus: (s) => statuses.push(s)
  })
  return { updates, clock, statuses }
}

describe('update policy', () => {
  it('is off in unpackaged builds and when no feed is configured', () => {
    const unpackaged = service({ updater: null })
    unpackaged.updates.start()
    expect(unpackaged.updates.current).toMatchObject({ state: 'disabled', message: 'Updates are off in development builds.' })
    expect(unpackaged.clock.pending()).toEqual([])
    const updater = fakeUpdater()
    const noFeed = service({ updater, feed: null })
    noFeed.updates.start()
    expect(noFeed.updates.current).toMatchObject({ state: 'disabled', message: 'No update feed is configured.' })
    expect(updater.calls).toEqual([])
  })

  it('checks first about 30 s after start, then every 6 hours, and at once on wake', async () => {
    const updater = fakeUpdater()
    const { updates, clock } = service({ updater, feed: { url: 'https://updates.example.com', channel: 'beta' } })
    updates.start()
    expect(updater.calls).toEqual(['feed https://updates.example.com beta'])
    await clock.advance(FIRST_CHECK_DELAY_MS - 1)
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(0)
    await clock.advance(1)
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(1)
    await clock.advance(CHECK_INTERVAL_MS - 1)
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(1)
    await clock.advance(1)
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(2)
    updates.wake()
    await clock.advance(0)
    expect(updater.calls.filter((c) => c === 'check')).toHaveLength(3)
    // The next periodic check counts from the wake-up check.
    expect(clock.pending()).toEqual([CHECK_INTERVAL_MS])
    expect(updates.current).toMatchObject({ state: 'idle' })
  })

  it('downloads in the background, then offers the restart; installs on quit if ignored', async () => {
    const updater = fakeUpdater('0.2.0')
    const { updates, clock, statuses } = service({ updater })
    updates.start()
    await clock.advance(FIRST_CHECK_DELAY_MS)
    expect(updates.current).toMatchObject({ state: 'downloading', version: '0.2.0', feed: { url: 'https://updates.example.com', source: 'installer' } })
    expect(updater.calls).toContain('download')
    updater.finishDownload('0.2.0')
    expect(updates.current).toMatchObject({ state: 'ready', version: '0.2.0' })
    expect(statuses.map((s) => s.state)).toEqual(['idle', 'checking', 'downloading', 'ready'])
    expect(updater.installOnQuit).toBe(true)
    updates.restart()
    expect(updater.calls.at(-1)).toBe('quitAndInstall')
  })

  it('never restarts while an upload runs', async () => {
    const updater = fakeUpdater('0.2.0')
    let uploading = true
    const { updates, clock } = service({ updater, busy: () => uploading })
    updates.start()
    await clock.advance(FIRST_CHECK_DELAY_MS)
    updater.finishDownload('0.2.0')
    expect(() => updates.restart()).toThrow(/An upload is running/)
    expect(updater.calls).not.toContain('quitAndInstall')
    uploading = false
    updates.restart()
    expect(updater.calls).toContain('quitAndInstall')
  })

  it('a failed check says so and tries again at the next interval', async () => {
    const updater = fakeUpdater()
    updater.checkForUpdate = async () => {
      throw new Error('ENOTFOUND updates.example.com')
    }
    const { updates, clock } = service({ updater })
    updates.start()
    await clock.advance(FIRST_CHECK_DELAY_MS)
    expect(updates.current).toMatchObject({ state: 'error', message: "Couldn't check for updates. The app will try again later." })
    expect(clock.pending()).toEqual([CHECK_INTERVAL_MS])
  })

  it('never installs a downgrade or the same version, and a prerelease only on the beta channel', async () => {
    const offered = async (version: string, channel: 'stable' | 'beta', currentVersion = '0.3.0') => {
      const updater = fakeUpdater(version)
      const { updates, clock } = service({ updater, feed: { url: 'https://updates.example.com', channel }, currentVersion })
      updates.start()
      await clock.advance(FIRST_CHECK_DELAY_MS)
      return { downloaded: updater.calls.includes('download'), state: updates.current.state }
    }
    expect(await offered('0.2.9', 'stable')).toEqual({ downloaded: false, state: 'idle' })
    expect(await offered('0.3.0', 'stable')).toEqual({ downloaded: false, state: 'idle' })
    expect(await offered('0.4.0-beta.1', 'stable')).toEqual({ downloaded: false, state: 'idle' })
    expect(await offered('0.4.0-beta.1', 'beta')).toEqual({ downloaded: true, state: 'downloading' })
    expect(await offered('0.3.0-beta.9', 'beta')).toEqual({ downloaded: false, state: 'idle' })
    expect(await offered('0.3.1', 'stable')).toEqual({ downloaded: true, state: 'downloading' })
    expect(await offered('not-a-version', 'beta')).toEqual({ downloaded: false, state: 'idle' })
  })
})
