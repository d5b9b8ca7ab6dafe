/**
 * Keeps one session's inbox in main and in step with the platform: a sync at start, on wake and
 * network return, then every interval (a setting), whether or not a window is open. The renderer
 * hears only what changed. A client whose list fails keeps its orders as last known, marked; a
 * Retry-After is waited out before the next poll. Events the appraiser did not cause become
 * notifications, each told at most once (remembered across restarts).
 */
import { createHash } from 'node:crypto'
import equal from 'fast-deep-equal'
import type { ClientFailure, ClientSummary, Inbox, InboxChanges, OrderDetail, OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { BadgePort, Clock, Logger, Notifier, TimerHandle, TrayPort, WindowPort } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import type { OfflineCopy } from '../offline/offline-copy'
import { timerDelay } from '../primitives/timer-delay'
import { DEADLINE_WARNING_MS, MAX_SEPARATE_NOTIFICATIONS, deadlineWarning, notificationFor, summarize, type OrderNotification } from './order-notifications'
import { deadlineEvent, stateEvent, type NotificationMemory } from './notification-memory'
import { KnownOrders, type OrderDiff } from './known-orders'

export interface SyncDeps {
  inbox: InboxService
  /** Until when the platform asked this session to wait (429), if it did. */
  retryAt(): number | null
  /** This session's clock: its timers end with the session. */
  clock: Clock
  logger: Logger
  settings: SettingsService
  notifier: Notifier | null
  badge: BadgePort | null
  tray: TrayPort | null
  window: WindowPort | null
  emitChanges(changes: InboxChanges): void
  emitOpenOrder(ref: OrderRef): void
  offline: OfflineCopy
  memory: NotificationMemory
  /** Field actions are waiting to be sent. */
  hasPending(): boolean
  /** Send the field actions queued; `networkReturned` skips the sender's backoff (never a Retry-After). */
  sendPending(networkReturned: boolean): Promise<void>
  /** Orders this session now holds (all of them at first, then what changed): whose names the logs must not show. */
  holds(orders: readonly OrderSummary[]): void
}

const MAX_BACKOFF_MS = 15 * 60_000
const OFFLINE_COPY_REFRESH_MS = 10 * 60_000

function summaryOf(order: OrderDetail): OrderSummary {
  const { clientId, loanId, orderId, clientName, orderNumber, loanNumber, statusCode, product, fee, dueDate, rush, address, borrowerName, assignedAt, updatedAt, respondBy, latestRevision } = order
  return { clientId, loanId, orderId, clientName, orderNumber, loanNumber, statusCode, product, fee, dueDate, rush, address, borrowerName, assignedAt, updatedAt, respondBy, latestRevision }
}

export class SyncService {
  private orders = new KnownOrders()
  private clients: ClientSummary[] = []
  private failures: ClientFailure[] = []
  /** When each client's orders were last read successfully. */
  private readonly readAt = new Map<string, string>()
  private fetchedAt: string | null = null
  /** The orders came from the copy saved in an earlier run, not from the platform yet. */
  private fromCopy: { savedAt: string } | null = null
  private copyLoaded: Promise<void> | null = null
  private timer: TimerHandle | null = null
  private deadlineTimer: TimerHandle | null = null
  /** Which order each notification opens (null: a summary, which only shows the window). */
  private readonly clickTargets = new Map<string, OrderRef | null>()
  private inFlight: Promise<void> | null = null
  private followUp: Promise<void> | null = null
  private failuresInARow = 0
  private running = false
  /** While the platform can't be reached: when the orders shown were read. */
  private offlineSince: string | null = null
  private copySavedAt = Number.NEGATIVE_INFINITY
  private readonly stopClicks: () => void

  constructor(private readonly deps: SyncDeps) {
    this.stopClicks = deps.notifier?.onClick((id) => this.clicked(id)) ?? (() => undefined)
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
    return this.snapshot()
  }

  /**
   * The inbox as last synced (waiting for the first sync, or sharing the one running, if there is
   * none yet). The saved copy waits for a sync too — unless a sync already found the platform
   * unreachable: then the copy is taken as it is, marked offline, as this run's orders would be, and
   * the sync's own retries reconnect. A window opening asks twice (a first screen, then the whole
   * inbox); each would otherwise wait out a network that is down.
   */
  async current(): Promise<Inbox> {
    if (this.fetchedAt === null || (this.fromCopy !== null && this.offlineSince === null)) await this.refresh()
    return this.snapshot()
  }

  /** An order the appraiser just changed in this app: held as it is now, told to the renderer, never notified. */
  applyLocal(order: OrderDetail): void {
    const summary = summaryOf(order)
    const known = this.orders.has(summary)
    this.orders.set(summary)
    this.deps.holds([summary])
    void this.deps.memory.add([stateEvent(summary)])
    const changes: InboxChanges = { ...this.changeFrame(), added: known ? [] : [summary], changed: known ? [summary] : [] }
    this.deps.emitChanges(changes)
    if (this.fetchedAt !== null) void this.deps.offline.updateInbox(changes, () => this.snapshot(), this.fetchedAt).catch(() => undefined)
    this.updateBadge()
  }

  dispose(): void {
    this.running = false
    this.cancelTimers()
    this.stopClicks()
    this.deps.badge?.setCount(0)
    this.deps.tray?.update({ awaiting: 0, revisions: 0, paused: false })
  }

  /** The inbox while the platform can't be reached (the copy saved before), or null when there is none. */
  offlineSnapshot(): Inbox | null {
    return this.offlineSince ? this.snapshot() : null
  }

  private snapshot(): Inbox {
    return {
      orders: this.orders.all(),
      clients: this.clients,
      failures: this.failures,
      fetchedAt: this.fetchedAt ?? new Date(this.deps.clock.now()).toISOString(),
      offlineSince: this.offlineSince
    }
  }

  private changeFrame(): InboxChanges {
    return { added: [], changed: [], removed: [], clients: this.clients, failures: this.failures, fetchedAt: this.fetchedAt ?? new Date(this.deps.clock.now()).toISOString(), offlineSince: this.offlineSince }
  }

  /** The copy saved by an earlier run (or session of this key): what was known, for a start without a network and for "while you were away". */
  private loadCopy(): Promise<void> {
    this.copyLoaded ??= this.deps.offline.loadInbox().then((kept) => {
      if (!kept || this.fetchedAt !== null) return
      this.orders = new KnownOrders(kept.inbox.orders)
      this.deps.holds(kept.inbox.orders)
      this.clients = kept.inbox.clients
      for (const client of kept.inbox.clients) {
        const failed = kept.inbox.failures.find((f) => f.clientId === client.id)
        const at = failed ? failed.showingSince : kept.inbox.fetchedAt
        if (at) this.readAt.set(client.id, at)
      }
      this.fetchedAt = kept.inbox.fetchedAt
      this.fromCopy = { savedAt: kept.savedAt }
    })
    return this.copyLoaded
  }

  /** The platform can't be reached: keep showing what was last known (this run's, or the copy kept before). */
  private goOffline(): void {
    if (this.offlineSince || this.fetchedAt === null) return
    this.offlineSince = this.fromCopy?.savedAt ?? this.fetchedAt
    this.deps.logger.warn('the platform cannot be reached; showing the orders saved before', { since: this.offlineSince })
    this.deps.emitChanges(this.changeFrame())
    this.updateBadge()
  }

  private async performSync(): Promise<void> {
    await Promise.all([this.loadCopy(), this.deps.memory.ready()])
    let read: Awaited<ReturnType<InboxService['read']>>
    try {
      read = await this.deps.inbox.read()
    } catch (error) {
      this.failuresInARow++
      if (error instanceof AppError && error.code === 'offline') this.goOffline()
      if (this.running) this.scheduleNext(error)
      throw error
    }
    this.failuresInARow = 0
    const wasOffline = this.offlineSince !== null
    this.offlineSince = null
    // Notifications compare with what was known: this run's last sync, or the copy an earlier run saved.
    const baseline = this.fetchedAt !== null
    const away = this.fromCopy !== null
    this.fromCopy = null
    const diff: OrderDiff = { added: [], changed: [], removed: [] }
    const failures: ClientFailure[] = []
    const notes: OrderNotification[] = []
    const now = this.deps.clock.now()
    const noteChange = (order: OrderSummary, old: OrderSummary | undefined) => {
      const note = baseline ? notificationFor(old, order, now) : null
      if (note && !this.deps.memory.has(stateEvent(order))) notes.push(note)
    }
    for (const result of read.results) {
      if ('error' in result) {
        // A client whose list failed keeps its orders as last known: never removed, never told again.
        failures.push({ clientId: result.client.id, clientName: result.client.name, message: result.error.message, showingSince: this.readAt.get(result.client.id) ?? null })
        continue
      }
      this.readAt.set(result.client.id, read.fetchedAt)
      this.orders.applyRead(result, diff, noteChange)
    }
    this.orders.dropClientsOtherThan(new Set(read.clients.map((c) => c.id)), diff)
    this.deps.holds(this.fetchedAt === null ? this.orders.all() : [...diff.added, ...diff.changed])
    const changes: InboxChanges = { ...diff, clients: read.clients, failures, fetchedAt: read.fetchedAt, offlineSince: null }
    const first = this.fetchedAt === null
    const metaChanged = !equal(this.clients, read.clients) || !equal(this.failures, failures)
    this.clients = read.clients
    this.failures = failures
    this.fetchedAt = read.fetchedAt
    const changed = changes.added.length + changes.changed.length + changes.removed.length > 0 || metaChanged
    if (!first && (changed || wasOffline || away)) this.deps.emitChanges(changes)
    // The offline copy is rewritten when something changed, else refreshed now and then (its time is
    // what "Offline — showing data from" says) — not re-encrypted on every unchanged poll.
    // Only what changed is written: the buckets of the orders that changed, and the small index.
    if (first || away || changed || now - this.copySavedAt >= OFFLINE_COPY_REFRESH_MS) {
      this.copySavedAt = now
      const kept = first || away ? this.deps.offline.saveInbox(this.snapshot(), read.fetchedAt) : this.deps.offline.updateInbox(changes, () => this.snapshot(), read.fetchedAt)
      void kept.catch(() => undefined)
    }
    if (wasOffline || this.deps.hasPending()) void this.deps.sendPending(wasOffline).catch(() => undefined)
    this.notify(notes, away)
    this.updateBadge()
    // Unchanged orders keep the warning timer they have: it fires when the next deadline's hour begins.
    if (first || away || changed || this.deadlineTimer === null) this.scheduleDeadlineWarnings(!baseline)
    if (this.running) this.scheduleNext(null)
  }

  private notify(notes: OrderNotification[], away = false): void {
    if (notes.length === 0) return
    void this.deps.memory.add(notes.map((n) => n.event))
    const { notifier } = this.deps
    if (!notifier) return
    const settings = this.deps.settings.get().notifications
    const paused = settings.pausedUntil !== null && Date.parse(settings.pausedUntil) > this.deps.clock.now()
    const wanted = paused ? [] : notes.filter((n) => settings.kinds[n.kind])
    if (wanted.length === 0) return
    if (wanted.length > MAX_SEPARATE_NOTIFICATIONS) {
      notifier.show({ id: this.idFor(wanted.map((n) => n.event), null), ...summarize(wanted, { away }) })
      return
    }
    for (const note of wanted) notifier.show({ id: this.idFor([note.event], note.order), title: note.title, body: note.body })
  }

  /** A notification's id names the events it tells: the same event can only ever make the same id. */
  private idFor(events: readonly string[], order: OrderRef | null): string {
    const id = `n-${createHash('sha256').update([...events].sort().join('\n')).digest('hex').slice(0, 16)}`
    this.clickTargets.set(id, order)
    return id
  }

  private clicked(id: string): void {
    if (!this.clickTargets.has(id)) return
    const order = this.clickTargets.get(id)
    this.deps.window?.show()
    if (order) this.deps.emitOpenOrder(order)
  }

  /** The badge and the tray say what waits for the appraiser. */
  updateBadge(): void {
    const { attention, awaiting, revisions } = this.orders.waiting()
    this.deps.badge?.setCount(attention)
    const pausedUntil = this.deps.settings.get().notifications.pausedUntil
    this.deps.tray?.update({
      awaiting,
      revisions,
      paused: pausedUntil !== null && Date.parse(pausedUntil) > this.deps.clock.now()
    })
  }

  /** Warns once per deadline, an hour before an assignment's response time runs out (now, if that hour has begun). */
  private scheduleDeadlineWarnings(baseline: boolean): void {
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer)
    this.deadlineTimer = null
    const now = this.deps.clock.now()
    const due: OrderNotification[] = []
    let next = Number.POSITIVE_INFINITY
    const quiet: string[] = []
    for (const { order, end } of this.orders.withDeadline()) {
      if (end <= now) continue
      if (end - DEADLINE_WARNING_MS > now) next = Math.min(next, end - DEADLINE_WARNING_MS)
      else if (this.deps.memory.has(deadlineEvent(order))) continue
      else if (baseline) quiet.push(deadlineEvent(order))
      else due.push(deadlineWarning(order, now))
    }
    // At the first sync, a deadline already in its last hour is shown in the list, not notified.
    if (quiet.length > 0) void this.deps.memory.add(quiet)
    this.notify(due)
    if (Number.isFinite(next) && this.running) {
      this.deadlineTimer = this.deps.clock.setTimeout(() => {
        this.deadlineTimer = null
        this.scheduleDeadlineWarnings(false)
      }, timerDelay(next - now))
    }
  }

  /**
   * The next sync: the interval; after failures, backing off (offline, 5xx, 429) — and never before
   * the platform's Retry-After has passed.
   */
  private scheduleNext(error: unknown): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    const now = this.deps.clock.now()
    const interval = this.deps.settings.get().sync.intervalSeconds * 1000
    let delay = interval
    if (error instanceof AppError && (error.code === 'offline' || error.code === 'server_error' || error.code === 'rate_limited' || error.code === 'bad_response')) {
      delay = Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(this.failuresInARow - 1, 6))
    }
    const asked = this.deps.retryAt()
    if (asked !== null) delay = Math.max(delay, asked - now)
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null
      this.refresh().catch(() => undefined)
    }, timerDelay(delay))
  }

  private cancelTimers(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer)
    this.timer = null
    this.deadlineTimer = null
  }
}
