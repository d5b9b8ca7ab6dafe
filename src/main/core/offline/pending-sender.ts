/**
 * Sends one session's queued field actions, each applied once or reported — never dropped without
 * a word. Each is reconciled like any unsure write: the order and its history are read first;
 * a record with the same action and inputs means it is done; an action the order no longer allows
 * is dropped with a message. Transient failures (no network, 429, 5xx, an unclear outcome) keep it
 * queued and retry with backoff (never before a Retry-After); only a definite answer (409, 422,
 * 404, 403) drops it, with a message naming the order, the action and why.
 */
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import type { ErrorCode } from '../../../shared/ipc/result'
import { vendorStatusName } from '../../../shared/order-workflow'
import { actionLabel, availableActions, isAppliedRecord } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { OrderActions } from '../orders/order-actions'
import type { Clock, Logger, TimerHandle } from '../ports'
import { timerDelay } from '../primitives/timer-delay'
import type { ActionQueue, PendingAction } from './action-queue'

export interface PendingSenderDeps {
  queue: ActionQueue
  inbox: InboxService
  actions: OrderActions
  /** The order after this session's own action: kept, told to the window, its offline copy refreshed. */
  applied(order: OrderDetail): void
  /** The order as read before sending: its offline copy refreshed. */
  seen(order: OrderDetail): void
  notice(text: string): void
  /** Until when the platform asked this session to wait (429), if it did. */
  retryAt(): number | null
  /** This session's clock: its timers end with the session. */
  clock: Clock
  logger: Logger
}

/** Answers that settle it: the platform refused this action for good. */
const DEFINITE: ReadonlySet<ErrorCode> = new Set(['conflict', 'validation', 'not_found', 'forbidden', 'refused'])
const BACKOFF_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000]

type Outcome = 'done' | 'retry' | 'stop'

export class PendingSender {
  private running: Promise<void> | null = null
  private timer: TimerHandle | null = null
  private attempts = 0
  private notBefore = 0

  constructor(private readonly deps: PendingSenderDeps) {}

  /** Sends what waits; `force` (the network came back) skips the backoff, never a Retry-After. */
  send(options: { force?: boolean } = {}): Promise<void> {
    if (!options.force && this.deps.clock.now() < this.notBefore) return Promise.resolve()
    this.running ??= this.sendAll().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** Resolves once the sending under way (if any) has ended. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve()
  }

  private async sendAll(): Promise<void> {
    await this.deps.queue.ready()
    for (const pending of this.deps.queue.all()) {
      const outcome = await this.sendOne(pending)
      if (outcome === 'stop') return
      if (outcome === 'retry') {
        this.retryLater()
        return
      }
    }
    this.attempts = 0
    this.notBefore = 0
  }

  private async sendOne(pending: PendingAction): Promise<Outcome> {
    const { queue, logger } = this.deps
    const { type } = pending.action
    let order: OrderDetail
    try {
      order = await this.deps.inbox.get(pending.ref)
    } catch (error) {
      return this.failed(pending, error)
    }
    this.deps.seen(order)
    // Withdrawn by the user while the order was read: nothing is sent.
    if (!queue.has(pending.id)) return 'done'
    const seen = new Set(pending.seenHistoryIds)
    const done = order.history.some((h) => !seen.has(h.id) && isAppliedRecord(pending.action, { status: h.statusCode, actorRole: h.actorRole, changes: h.changes }))
    if (done) {
      logger.info('a queued action was already applied; not sending it', { action: type })
      await queue.remove(pending.id)
      this.deps.applied(order)
      return 'done'
    }
    if (!availableActions(order.statusCode, order.negotiation?.state ?? null).includes(type)) {
      this.report(pending, `the order is now ${vendorStatusName(order.statusCode, order.respondBy)}.`)
      await queue.remove(pending.id)
      return 'done'
    }
    queue.markSending(pending.id)
    try {
      // The order was just read: its history is the write's baseline (one reconciliation per action).
      const result = await this.deps.actions.perform(pending.ref, pending.action, new Set(order.history.map((h) => h.id)))
      await queue.remove(pending.id)
      this.deps.applied(result.order)
      logger.info('a queued action was sent', { action: type })
      return 'done'
    } catch (error) {
      return this.failed(pending, error)
    } finally {
      queue.doneSending(pending.id)
    }
  }

  /** A definite refusal drops the action and says why; anything else keeps it for a later try. */
  private async failed(pending: PendingAction, error: unknown): Promise<Outcome> {
    const code = error instanceof AppError ? error.code : 'internal'
    if (code === 'not_signed_in' || code === 'session_ended' || code === 'cancelled') return 'stop'
    if (!DEFINITE.has(code)) {
      this.deps.logger.warn('a queued action could not be sent yet; it stays queued', { action: pending.action.type, error: code })
      return 'retry'
    }
    this.report(pending, error instanceof Error ? error.message : 'it was refused.')
    await this.deps.queue.remove(pending.id)
    return 'done'
  }

  /** Said before the action leaves the queue: a crash in between repeats the message, never loses it. */
  private report(pending: PendingAction, why: string): void {
    this.deps.logger.warn('a queued action was not sent', { action: pending.action.type })
    this.deps.notice(`“${actionLabel(pending.action.type)}” for ${pending.orderLabel} was not sent: ${why}`)
  }

  private retryLater(): void {
    const now = this.deps.clock.now()
    const backoff = BACKOFF_MS[Math.min(this.attempts, BACKOFF_MS.length - 1)] as number
    this.attempts++
    this.notBefore = Math.max(now + backoff, this.deps.retryAt() ?? 0)
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null
      void this.send().catch(() => undefined)
    }, timerDelay(this.notBefore - now))
  }
}
