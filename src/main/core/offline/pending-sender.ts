import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { statusName } from '../../../shared/order-status'
import { actionLabel, availableActions, isAppliedRecord } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { OrderActions } from '../orders/order-actions'
import type { Logger } from '../ports'
import type { OfflineStore } from './offline-store'

export interface PendingSenderDeps {
  offline: OfflineStore
  inbox: InboxService
  actions: OrderActions
  applied(order: OrderDetail): void
  notice(text: string): void
  logger: Logger
}

/**
 * Sends the field actions queued offline, each reconciled like any unsure write: the order and its
 * history are read first — already done there → dropped as done; no longer possible → dropped and
 * the appraiser told; otherwise sent once. One at a time, stopping at the first sign of no network.
 */
export class PendingSender {
  private running: Promise<void> | null = null

  constructor(private readonly deps: PendingSenderDeps) {}

  send(): Promise<void> {
    this.running ??= this.sendAll().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async sendAll(): Promise<void> {
    const { offline, inbox, actions, logger } = this.deps
    for (const pending of offline.allPending()) {
      const { type } = pending.action
      const label = actionLabel(type)
      let order: OrderDetail
      try {
        order = await inbox.get(pending.ref)
      } catch (error) {
        if (error instanceof AppError && error.code === 'offline') return
        await offline.remove(pending.id)
        this.deps.notice(`“${label}” was not sent: ${error instanceof Error ? error.message : 'the order could not be read.'}`)
        continue
      }
      const seen = new Set(pending.seenHistoryIds)
      const done = order.history.some((h) => !seen.has(h.id) && isAppliedRecord(type, { status: h.statusCode, actorRole: h.actorRole }))
      if (done) {
        logger.info('a queued action was already applied; not sending it', { action: type })
        await offline.remove(pending.id)
        continue
      }
      if (!availableActions(order.statusCode, order.negotiation?.state ?? null).includes(type)) {
        await offline.remove(pending.id)
        this.deps.notice(`“${label}” for ${order.address.line1} was not sent: the order is now ${statusName(order.statusCode)}.`)
        continue
      }
      try {
        const result = await actions.perform(pending.ref, pending.action)
        await offline.remove(pending.id)
        this.deps.applied(result.order)
        logger.info('a queued action was sent', { action: type })
      } catch (error) {
        if (error instanceof AppError && (error.code === 'offline' || error.code === 'outcome_unknown')) return
        await offline.remove(pending.id)
        this.deps.notice(`“${label}” for ${order.address.line1} was not sent: ${error instanceof Error ? error.message : 'it was refused.'}`)
      }
    }
  }
}
