/**
 * Keeps one session's inbox in main and in step with the platform: a sync at start, on wake and
 * network return, then every interval (a setting), whether or not a window is open. The renderer
 * hears only what changed. Three concerns, each its own file: when to sync (sync-schedule.ts), what
 * an answer changes (synced-inbox.ts: the diff and the offline copy), and what the appraiser is
 * told (order-alerts.ts: notifications, deadline warnings, badge and tray). This file runs a sync
 * and hands its answer from one to the next.
 */
import type { Inbox, InboxChanges, OrderDetail } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { Clock } from '../ports'
import type { OrderAlerts } from './order-alerts'
import { notificationFor, type OrderNotification } from './order-notifications'
import { stateEvent, type NotificationMemory } from './notification-memory'
import { SyncSchedule } from './sync-schedule'
import type { SyncedInbox } from './synced-inbox'

export interface SyncDeps {
  inbox: InboxService
  /** The inbox as this session knows it, and its offline copy. */
  state: SyncedInbox
  /** What the appraiser is told. */
  alerts: OrderAlerts
  memory: NotificationMemory
  /** This session's clock: its timers end with the session. */
  clock: Clock
  /** The sync interval (a setting), now. */
  intervalMs(): number
  /** Until when the platform asked this session to wait (429), if it did. */
  retryAt(): number | null
  emitChanges(changes: InboxChanges): void
  /** Field actions are waiting to be sent. */
  hasPending(): boolean
  /** Send the field actions queued; `networkReturned` skips the sender's backoff (never a Retry-After). */
  sendPending(networkReturned: boolean): Promise<void>
}

export class SyncService {
  private readonly state: SyncedInbox
  private readonly alerts: OrderAlerts
  private readonly schedule: SyncSchedule
  private inFlight: Promise<void> | null = null
  private followUp: Promise<void> | null = null
  private running = false

  constructor(private readonly deps: SyncDeps) {
    this.state = deps.state
    this.alerts = deps.alerts
    this.schedule = new SyncSchedule({
      clock: deps.clock,
      intervalMs: () => deps.intervalMs(),
      retryAt: () => deps.retryAt(),
      run: () => void this.refresh().catch(() => undefined)
    })
  }

  /** The first sync now, then on the interval. */
  start(): void {
    if (this.running) return
    this.running = true
    this.refresh().catch(() => undefined)
  }

  /** One sync; concurrent callers share it. */
  refresh(): Promise<void> {
    this.inFlight ??= this.performSync().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  /**
   * A sync that starts after this call (what "Refresh" means): one already running read the
   * platform before the call, so one more follows it — shared by everyone who asks meanwhile.
   */
  refreshFromNow(): Promise<void> {
    if (!this.inFlight) return this.refresh()
    this.followUp ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.followUp = null
        return this.refresh()
      })
    return this.followUp
  }

  /** A sync from now, then the inbox as it now is (a list of every order: for the window, not for each poll). */
  async syncNow(): Promise<Inbox> {
    await this.refreshFromNow()
    return this.state.snapshot()
  }

  /**
   * The inbox as last synced (waiting for the first sync, or sharing the one running, if there is
   * none yet). The saved copy waits for a sync too — unless a sync already found the platform
   * unreachable: then the copy is taken as it is, marked offline, as this run's orders would be, and
   * the sync's own retries reconnect. A window opening asks twice (a first screen, then the whole
   * inbox); each would otherwise wait out a network that is down.
   */
  async current(): Promise<Inbox> {
    if (this.state.fetchedAt === null || (this.state.fromCopy !== null && this.state.offlineSince === null)) await this.refresh()
    return this.state.snapshot()
  }

  /** An order the appraiser just changed in this app: held as it is now, told to the renderer, never notified. */
  applyLocal(order: OrderDetail): void {
    const { summary, changes } = this.state.applyLocal(order)
    void this.deps.memory.add([stateEvent(summary)])
    this.deps.emitChanges(changes)
    this.updateBadge()
  }

  /** The inbox while the platform can't be reached (the copy saved before), or null when there is none. */
  offlineSnapshot(): Inbox | null {
    return this.state.offlineSince ? this.state.snapshot() : null
  }

  /** The badge and the tray say what waits for the appraiser. */
  updateBadge(): void {
    this.alerts.showCounts(this.state.orders)
  }

  dispose(): void {
    this.running = false
    this.schedule.cancel()
    this.alerts.dispose()
  }

  private async performSync(): Promise<void> {
    await Promise.all([this.state.loadCopy(), this.deps.memory.ready()])
    let read: Awaited<ReturnType<InboxService['read']>>
    try {
      read = await this.deps.inbox.read()
    } catch (error) {
      const offline = error instanceof AppError && error.code === 'offline' ? this.state.goOffline() : null
      if (offline) {
        this.deps.emitChanges(offline)
        this.updateBadge()
      }
      this.schedule.after(error, this.running)
      throw error
    }
    // Notifications compare with what was known: this run's last sync, or the copy an earlier run saved.
    const baseline = this.state.fetchedAt !== null
    const notes: OrderNotification[] = []
    const now = this.deps.clock.now()
    const applied = this.state.applyRead(read, (order, old) => {
      const note = baseline ? notificationFor(old, order, now) : null
      if (note && !this.deps.memory.has(stateEvent(order))) notes.push(note)
    })
    const { changes, first, away, wasOffline, changed } = applied
    if (!first && (changed || wasOffline || away)) this.deps.emitChanges(changes)
    if (wasOffline || this.deps.hasPending()) void this.deps.sendPending(wasOffline).catch(() => undefined)
    this.alerts.notify(notes, away)
    this.updateBadge()
    // Unchanged orders keep the warning timer they have: it fires when the next deadline's hour begins.
    if (first || away || changed || !this.alerts.watchingDeadlines) this.alerts.watchDeadlines(() => this.state.orders, !baseline, () => this.running)
    this.schedule.after(null, this.running)
  }
}
