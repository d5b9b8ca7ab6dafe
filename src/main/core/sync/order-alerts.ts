/**
 * Telling the appraiser what changed without them: OS notifications (each event at most once,
 * remembered; held back while paused; a summary when many come at once), the warning an hour before
 * a response deadline, the badge and the tray's counts, and where a notification's click leads.
 */
import { createHash } from 'node:crypto'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import type { BadgePort, Clock, Notifier, TimerHandle, TrayPort, WindowPort } from '../ports'
import { timerDelay } from '../primitives/timer-delay'
import type { SettingsService } from '../settings/settings-service'
import type { KnownOrders } from './known-orders'
import { deadlineEvent, type NotificationMemory } from './notification-memory'
import { DEADLINE_WARNING_MS, MAX_SEPARATE_NOTIFICATIONS, deadlineWarning, summarize, type OrderNotification } from './order-notifications'

export interface OrderAlertsDeps {
  /** This session's clock: its timers end with the session. */
  clock: Clock
  settings: SettingsService
  notifier: Notifier | null
  badge: BadgePort | null
  tray: TrayPort | null
  window: WindowPort | null
  memory: NotificationMemory
  emitOpenOrder(ref: OrderRef): void
}

export class OrderAlerts {
  /** Which order each notification opens (null: a summary, which only shows the window). */
  private readonly clickTargets = new Map<string, OrderRef | null>()
  private deadlineTimer: TimerHandle | null = null
  private readonly stopClicks: () => void

  constructor(private readonly deps: OrderAlertsDeps) {
    this.stopClicks = deps.notifier?.onClick((id) => this.clicked(id)) ?? (() => undefined)
  }

  /** Whether a deadline warning is set (a sync that changed nothing keeps the one there is). */
  get watchingDeadlines(): boolean {
    return this.deadlineTimer !== null
  }

  /** Tells these events (remembered as told, whether or not they were shown). `away`: they came while the app was closed. */
  notify(notes: OrderNotification[], away = false): void {
    if (notes.length === 0) return
    void this.deps.memory.add(notes.map((n) => n.event))
    const { notifier } = this.deps
    if (!notifier) return
    const settings = this.deps.settings.get().notifications
    const wanted = this.paused() ? [] : notes.filter((n) => settings.kinds[n.kind])
    if (wanted.length === 0) return
    if (wanted.length > MAX_SEPARATE_NOTIFICATIONS) {
      notifier.show({ id: this.idFor(wanted.map((n) => n.event), null), ...summarize(wanted, { away }) })
      return
    }
    for (const note of wanted) notifier.show({ id: this.idFor([note.event], note.order), title: note.title, body: note.body })
  }

  /** The badge and the tray say what waits for the appraiser. */
  showCounts(orders: KnownOrders): void {
    const { attention, awaiting, revisions } = orders.waiting()
    this.deps.badge?.setCount(attention)
    this.deps.tray?.update({ awaiting, revisions, paused: this.paused() })
  }

  /**
   * Warns once per deadline, an hour before an assignment's response time runs out (now, if that
   * hour has begun). `baseline`: the first sync — a deadline already in its last hour is shown in
   * the list, not notified. `keepWatching`: false once the session's sync has stopped.
   */
  watchDeadlines(orders: () => KnownOrders, baseline: boolean, keepWatching: () => boolean): void {
    this.stopDeadlines()
    const now = this.deps.clock.now()
    const due: OrderNotification[] = []
    let next = Number.POSITIVE_INFINITY
    const quiet: string[] = []
    for (const { order, end } of orders().withDeadline()) {
      if (end <= now) continue
      if (end - DEADLINE_WARNING_MS > now) next = Math.min(next, end - DEADLINE_WARNING_MS)
      else if (this.deps.memory.has(deadlineEvent(order))) continue
      else if (baseline) quiet.push(deadlineEvent(order))
      else due.push(deadlineWarning(order, now))
    }
    if (quiet.length > 0) void this.deps.memory.add(quiet)
    this.notify(due)
    if (Number.isFinite(next) && keepWatching()) {
      this.deadlineTimer = this.deps.clock.setTimeout(() => {
        this.deadlineTimer = null
        this.watchDeadlines(orders, false, keepWatching)
      }, timerDelay(next - now))
    }
  }

  /** The session's sync stopped: no more warnings, no clicks followed, the counts cleared. */
  dispose(): void {
    this.stopDeadlines()
    this.stopClicks()
    this.deps.badge?.setCount(0)
    this.deps.tray?.update({ awaiting: 0, revisions: 0, paused: false })
  }

  private stopDeadlines(): void {
    if (this.deadlineTimer) this.deps.clock.clearTimeout(this.deadlineTimer)
    this.deadlineTimer = null
  }

  private paused(): boolean {
    const { pausedUntil } = this.deps.settings.get().notifications
    return pausedUntil !== null && Date.parse(pausedUntil) > this.deps.clock.now()
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
}
