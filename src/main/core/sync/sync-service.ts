import { randomBytes } from 'node:crypto'
import type { Inbox, InboxChanges, OrderDetail, OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import { ORDER_STATUS as S } from '../../../shared/order-status'
import { STATUS_SETS, inSet } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { BadgePort, Clock, Logger, Notifier, TimerHandle, TrayPort, WindowPort } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import type { OfflineStore } from '../offline/offline-store'
import { timerDelay } from '../session/token-timing'
import { DEADLINE_WARNING_MS, MAX_SEPARATE_NOTIFICATIONS, deadlineWarning, notificationFor, summarize, type OrderNotification } from './order-notifications'

export interface SyncDeps {
  inbox: InboxService
  /** Whether someone is signed in (sync runs only then). */
  signedIn(): boolean
  clock: Clock
  logger: Logger
  settings: SettingsService
  notifier: Notifier | null
  badge: BadgePort | null
  tray: TrayPort | null
  window: WindowPort | null
  emitChanges(changes: InboxChanges): void
  emitOpenOrder(ref: OrderRef): void
  /** The copy kept for working offline (null for a memory-only session). */
  offline: OfflineStore | null
  /** Back online (or started with actions waiting): send the field actions queued offline. */
  sendPending(): Promise<void>
}

const MAX_BACKOFF_MS = 15 * 60_000
const OFFLINE_COPY_REFRESH_MS = 10 * 60_000
export const keyOf = (o: OrderRef) => `${o.clientId}/${o.loanId}/${o.orderId}`

/** The orders that wait for the appraiser: the badge count. */
export const needsAttention = (o: OrderSummary) => inSet('awaiting', o.statusCode) || (STATUS_SETS.revision as readonly number[]).includes(o.statusCode)

/**
 * Keeps the inbox in main and in step with the platform: a sync at start, on wake and network
 * return, then every interval (a setting), whether or not a window is open. The renderer hears only
 * what changed; an unchanged sync sends nothing. Changes the appraiser did not make become
 * notifications; the badge counts what waits for them; deadlines warn an hour ahead.
 */
export class SyncService {
  private orders = new Map<string, OrderSummary>()
  private meta: Pick<Inbox, 'clients' | 'failures' | 'fetchedAt'> | null = null
  private timer: TimerHandle | null = null
  private deadlineTimer: TimerHandle | null = null
  private readonly warned = new Set<string>()
  /** Which order each notification opens (null: a summary, which only shows the window). */
  private readonly clickTargets = new Map<string, OrderRef | null>()
  private inFlight: Promise<Inbox> | null = null
  private failuresInARow = 0
  private running = false
  /** While the platform can't be reached: when the orders shown were saved. */
  private offlineSince: string | null = null
  private copySavedAt = Number.NEGATIVE_INFINITY
  private readonly stopClicks: () => void

  constructor(private readonly deps: SyncDeps) {
    this.stopClicks = deps.notifier?.onClick((id) => this.clicked(id)) ?? (() => undefined)
  }

  /** Signed in: the first sync now, then on the interval. */
  start(): void {
    if (this.running) return
    this.running = true
    this.syncNow().catch(() => undefined)
  }

  /** Signed out: forget everything this account's inbox held. */
  stop(): void {
    this.running = false
    this.cancelTimers()
    this.orders.clear()
    this.meta = null
    this.offlineSince = null
    this.warned.clear()
    this.deps.inbox.forget()
    this.updateBadge()
  }

  /** One sync; concurrent callers share it. Resolves with the inbox as it now is. */
  syncNow(): Promise<Inbox> {
    this.inFlight ??= this.performSync().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  /** The inbox as last synced (syncing first if it never was). */
  async current(): Promise<Inbox> {
    return this.meta ? this.snapshot() : this.syncNow()
  }

  /** An order the appraiser just changed in this app: held as it is now, told to the renderer, never notified. */
  applyLocal(order: OrderDetail): void {
    const key = keyOf(order)
    const summary: OrderSummary = {
      clientId: order.clientId,
      loanId: order.loanId,
      orderId: order.orderId,
      clientName: order.clientName,
      orderNumber: order.orderNumber,
      loanNumber: order.loanNumber,
      statusCode: order.statusCode,
      product: order.product,
      fee: order.fee,
      dueDate: order.dueDate,
      rush: order.rush,
      address: order.address,
      borrowerName: order.borrowerName,
      assignedAt: order.assignedAt,
      updatedAt: order.updatedAt,
      respondBy: order.respondBy,
      latestRevision: order.latestRevision
    }
    const known = this.orders.has(key)
    this.orders.set(key, summary)
    this.deps.emitChanges({ added: known ? [] : [summary], changed: known ? [summary] : [], removed: [], fetchedAt: this.meta?.fetchedAt ?? new Date(this.deps.clock.now()).toISOString(), offlineSince: this.offlineSince })
    this.updateBadge()
  }

  dispose(): void {
    this.stop()
    this.stopClicks()
  }

  /** The inbox while the platform can't be reached (the copy saved before), or null when there is none. */
  offlineSnapshot(): Inbox | null {
    return this.offlineSince ? this.snapshot() : null
  }

  private snapshot(): Inbox {
    return {
      orders: [...this.orders.values()],
      clients: this.meta?.clients ?? [],
      failures: this.meta?.failures ?? [],
      fetchedAt: this.meta?.fetchedAt ?? new Date(this.deps.clock.now()).toISOString(),
      offlineSince: this.offlineSince
    }
  }

  /** The platform can't be reached: keep showing what was last known (this run's, or the copy kept on disk). */
  private async goOffline(): Promise<void> {
    if (this.offlineSince) return
    if (this.meta === null) {
      const kept = await this.deps.offline?.loadInbox()
      if (!kept) return
      this.orders = new Map(kept.inbox.orders.map((o) => [keyOf(o), o]))
      this.meta = { clients: kept.inbox.clients, failures: [], fetchedAt: kept.inbox.fetchedAt }
      this.offlineSince = kept.savedAt
    } else this.offlineSince = this.meta.fetchedAt
    this.deps.logger.warn('the platform cannot be reached; showing the orders saved before', { since: this.offlineSince })
    this.deps.emitChanges({ added: [], changed: [], removed: [], fetchedAt: this.meta.fetchedAt, offlineSince: this.offlineSince })
    this.updateBadge()
  }

  private async performSync(): Promise<Inbox> {
    if (!this.deps.signedIn()) throw new AppError('not_signed_in', 'You are signed out. Sign in to continue.')
    let inbox: Inbox
    try {
      inbox = await this.deps.inbox.list()
    } catch (error) {
      this.failuresInARow++
      if (error instanceof AppError && error.code === 'offline') await this.goOffline()
      if (this.running) this.scheduleNext(error)
      throw error
    }
    this.failuresInARow = 0
    const wasOffline = this.offlineSince !== null
    this.offlineSince = null
    const first = this.meta === null
    const before = this.orders
    const after = new Map(inbox.orders.map((o) => [keyOf(o), o]))
    const changes: InboxChanges = { added: [], changed: [], removed: [], fetchedAt: inbox.fetchedAt, offlineSince: null }
    const notes: OrderNotification[] = []
    const now = this.deps.clock.now()
    for (const [key, order] of after) {
      const old = before.get(key)
      if (!old) changes.added.push(order)
      else if (JSON.stringify(old) !== JSON.stringify(order)) changes.changed.push(order)
      else continue
      const note = first ? null : notificationFor(old, order, now)
      if (note) notes.push(note)
    }
    for (const [key, order] of before) if (!after.has(key)) changes.removed.push({ clientId: order.clientId, loanId: order.loanId, orderId: order.orderId })
    this.orders = after
    const metaChanged = JSON.stringify(this.meta?.clients) !== JSON.stringify(inbox.clients) || JSON.stringify(this.meta?.failures) !== JSON.stringify(inbox.failures)
    this.meta = { clients: inbox.clients, failures: inbox.failures, fetchedAt: inbox.fetchedAt }
    const changed = changes.added.length + changes.changed.length + changes.removed.length > 0 || metaChanged
    if (!first && (changed || wasOffline)) this.deps.emitChanges(changes)
    // The offline copy is rewritten when something changed, else refreshed now and then (its time is
    // what "Offline — showing data from" says) — not re-encrypted on every unchanged poll.
    if (first || changed || now - this.copySavedAt >= OFFLINE_COPY_REFRESH_MS) {
      this.copySavedAt = now
      void this.deps.offline?.saveInbox(this.snapshot(), inbox.fetchedAt).catch(() => undefined)
    }
    if (wasOffline || (this.deps.offline?.allPending().length ?? 0) > 0) void this.deps.sendPending().catch(() => undefined)
    this.notify(notes)
    this.updateBadge()
    this.scheduleDeadlineWarnings(first)
    if (this.running) this.scheduleNext(null)
    return this.snapshot()
  }

  private notify(notes: OrderNotification[]): void {
    const { notifier } = this.deps
    if (!notifier || notes.length === 0) return
    const settings = this.deps.settings.get().notifications
    const paused = settings.pausedUntil !== null && Date.parse(settings.pausedUntil) > this.deps.clock.now()
    const wanted = paused ? [] : notes.filter((n) => settings.kinds[n.kind])
    if (wanted.length === 0) return
    if (wanted.length > MAX_SEPARATE_NOTIFICATIONS) {
      notifier.show({ id: this.newId(null), ...summarize(wanted) })
      return
    }
    for (const note of wanted) notifier.show({ id: this.newId(note.order), title: note.title, body: note.body })
  }

  private newId(order: OrderRef | null): string {
    const id = `n-${randomBytes(6).toString('hex')}`
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
    const orders = [...this.orders.values()]
    this.deps.badge?.setCount(orders.filter(needsAttention).length)
    const pausedUntil = this.deps.settings.get().notifications.pausedUntil
    this.deps.tray?.update({
      awaiting: orders.filter((o) => inSet('awaiting', o.statusCode)).length,
      revisions: orders.filter((o) => inSet('revision', o.statusCode)).length,
      paused: pausedUntil !== null && Date.parse(pausedUntil) > this.deps.clock.now()
    })
  }

  /** Warns once per order, an hour before its response time runs out (now, if that hour has begun). */
  private scheduleDeadlineWarnings(first: boolean): void {
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer)
    this.deadlineTimer = null
    const now = this.deps.clock.now()
    const due: OrderNotification[] = []
    let next = Number.POSITIVE_INFINITY
    for (const order of this.orders.values()) {
      if (order.statusCode !== S.OrderAssigned || !order.respondBy) continue
      const key = keyOf(order)
      const end = Date.parse(order.respondBy)
      if (this.warned.has(key) || end <= now) continue
      if (end - DEADLINE_WARNING_MS <= now) {
        this.warned.add(key)
        if (!first) due.push(deadlineWarning(order, now))
      } else next = Math.min(next, end - DEADLINE_WARNING_MS)
    }
    this.notify(due)
    if (Number.isFinite(next) && this.running) {
      this.deadlineTimer = this.deps.clock.setTimeout(() => {
        this.deadlineTimer = null
        this.scheduleDeadlineWarnings(false)
      }, timerDelay(next - now))
    }
  }

  /** The next sync: the interval; after failures, backing off (offline) or as long as the platform asked (429). */
  private scheduleNext(error: unknown): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    const interval = this.deps.settings.get().sync.intervalSeconds * 1000
    let delay = interval
    if (error instanceof AppError && (error.code === 'offline' || error.code === 'server_error' || error.code === 'rate_limited')) {
      delay = Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(this.failuresInARow - 1, 6))
    }
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null
      this.syncNow().catch(() => undefined)
    }, timerDelay(delay))
  }

  private cancelTimers(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer)
    this.timer = null
    this.deadlineTimer = null
  }
}
