/** The update policy: when to check, what to tell the window, never restarting during an upload. */
import type { UpdateStatus } from '../../../shared/ipc/app-schemas'
import { AppError } from '../errors'
import type { Clock, Logger, TimerHandle, UpdaterPort } from '../ports'
import { isAcceptableRelease, type FeedInForce } from './update-feed-policy'

export const FIRST_CHECK_DELAY_MS = 30_000
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000

export interface UpdateServiceDeps {
  /** null in unpackaged builds: updates are off there. */
  updater: UpdaterPort | null
  /** The feed in force (an administrator's policy file, else the installer's) and the user's channel. */
  feed(): FeedInForce & { channel: 'stable' | 'beta' }
  /** This app's version: nothing older or equal installs. */
  currentVersion: string
  /** True while something that a restart would lose is running (an upload). */
  busy(): boolean
  clock: Clock
  logger: Logger
  onStatus(status: UpdateStatus): void
}

/**
 * The update policy: first check ~30 s after start, then every 6 hours and on wake; a newer
 * version downloads in the background and is offered as "Restart to update"; never restarted
 * while an upload runs; if ignored, installed at the next quit.
 */
export class UpdateService {
  private status: UpdateStatus = { state: 'disabled', version: null, message: null, lastCheckedAt: null, feed: null }
  private timer: TimerHandle | null = null
  private checking: Promise<UpdateStatus> | null = null
  private readonly unsubscribe: () => void

  constructor(private readonly deps: UpdateServiceDeps) {
    this.unsubscribe = deps.updater?.onDownloaded((version) => this.set({ ...this.status, state: 'ready', version, message: null })) ?? (() => undefined)
  }

  get current(): UpdateStatus {
    return this.status
  }

  /** At start, and whenever the feed setting changes. */
  start(): void {
    this.cancelTimer()
    const { updater } = this.deps
    const feed = this.deps.feed()
    if (!updater) return this.set({ state: 'disabled', version: null, message: 'Updates are off in development builds.', feed: null })
    if (feed.url === null || feed.source === null) return this.set({ state: 'disabled', version: null, message: feed.problem ?? 'No update feed is configured.', feed: null })
    updater.setFeed({ url: feed.url, channel: feed.channel })
    updater.setInstallOnQuit(true)
    if (this.status.state !== 'ready') this.set({ state: 'idle', version: null, message: null, feed: { url: feed.url, source: feed.source } })
    this.schedule(FIRST_CHECK_DELAY_MS)
  }

  /** The computer woke up: check now (the 6-hour rhythm starts again from here). */
  wake(): void {
    if (this.enabled()) void this.check()
  }

  /** Checks now; concurrent callers share one check. Never throws: a failure becomes the 'error' state. */
  check(): Promise<UpdateStatus> {
    const updater = this.deps.updater
    if (!updater || !this.enabled()) return Promise.resolve(this.status)
    this.checking ??= this.performCheck(updater).finally(() => {
      this.checking = null
    })
    return this.checking
  }

  restart(): void {
    const updater = this.deps.updater
    if (!updater || this.status.state !== 'ready') throw new AppError('invalid_input', 'No update is ready to install yet.')
    if (this.deps.busy()) {
      throw new AppError('busy', 'An upload is running, so the app will not restart now. Restart when it has finished — or just quit later: the update installs then.')
    }
    this.deps.logger.info('restarting to install an update', { version: this.status.version })
    updater.quitAndInstall()
  }

  dispose(): void {
    this.cancelTimer()
    this.unsubscribe()
  }

  private isReady(): boolean {
    return this.status.state === 'ready'
  }

  private enabled(): boolean {
    return this.deps.updater !== null && this.deps.feed().url !== null
  }

  private async performCheck(updater: UpdaterPort): Promise<UpdateStatus> {
    if (this.isReady()) return this.status
    this.set({ ...this.status, state: 'checking', version: null, message: null })
    const checkedAt = new Date(this.deps.clock.now()).toISOString()
    try {
      const offered = await updater.checkForUpdate()
      const { channel } = this.deps.feed()
      if (offered !== null && !isAcceptableRelease(offered, this.deps.currentVersion, channel)) {
        // An older release (a downgrade) or a prerelease on the stable channel is never installed.
        this.deps.logger.warn('the update feed offered a release that is not installed', { offered, current: this.deps.currentVersion, channel })
        this.set({ ...this.status, state: 'idle', version: null, message: null }, checkedAt)
      } else if (offered === null) {
        if (!this.isReady()) this.set({ ...this.status, state: 'idle', version: null, message: null }, checkedAt)
      } else {
        this.deps.logger.info('update available; downloading in the background', { version: offered })
        if (!this.isReady()) this.set({ ...this.status, state: 'downloading', version: offered, message: null }, checkedAt)
        await updater.download()
      }
    } catch (error) {
      this.deps.logger.warn('update check failed', { error: error instanceof Error ? error.message : 'unknown' })
      if (!this.isReady()) this.set({ ...this.status, state: 'error', version: null, message: "Couldn't check for updates. The app will try again later." }, checkedAt)
    }
    this.schedule(CHECK_INTERVAL_MS)
    return this.status
  }

  private schedule(delayMs: number): void {
    this.cancelTimer()
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null
      void this.check()
    }, delayMs)
  }

  private cancelTimer(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private set(next: Omit<UpdateStatus, 'lastCheckedAt'>, checkedAt: string | null = this.status.lastCheckedAt): void {
    this.status = { ...next, lastCheckedAt: checkedAt }
    this.deps.onStatus(this.status)
  }
}
