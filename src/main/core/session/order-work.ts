/**
 * Reading an order and acting on it, online or offline — decided here once for every entry point
 * (IPC, menus, deep links, Today): a read offline answers from the saved copy, a field action
 * offline is queued and sent when the network returns, and every order carries its pending marks.
 */
import type { Inbox, OrderAction, OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { actionLabel, isFieldAction } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import type { ActionQueue } from '../offline/action-queue'
import type { OfflineCopy } from '../offline/offline-copy'
import type { InboxService } from '../orders/inbox-service'
import type { OrderActions, PerformResult } from '../orders/order-actions'
import type { SyncService } from '../sync/sync-service'

export interface OrderWorkDeps {
  inbox: InboxService
  sync: SyncService | null
  offline: OfflineCopy
  queue: ActionQueue
  actions: OrderActions
  /** The order after the appraiser's own change: held, told to the window, its offline copy refreshed. */
  recordOwnChange(order: OrderDetail): void
  now(): string
}

const isOffline = (error: unknown) => error instanceof AppError && error.code === 'offline'
const orderLabel = (order: OrderDetail) => `${order.address.line1} (${order.orderNumber})`

export class OrderWork {
  constructor(private readonly deps: OrderWorkDeps) {}

  /** The inbox as last synced (`cached`) or after a sync now; offline, the copy saved then. */
  async inbox(cached: boolean): Promise<Inbox> {
    const { sync } = this.deps
    if (!sync) throw new AppError('not_signed_in', 'You are signed out. Sign in to continue.')
    try {
      return await (cached ? sync.current() : sync.syncNow())
    } catch (error) {
      const kept = isOffline(error) ? sync.offlineSnapshot() : null
      if (kept) return kept
      throw error
    }
  }

  /** The order with this number (as an omnivms:// link names it, any case): as last synced, else after a sync now. */
  async findByNumber(orderNumber: string): Promise<OrderRef | null> {
    const { sync } = this.deps
    if (!sync) return null
    const wanted = orderNumber.toLowerCase()
    const find = (inbox: Inbox) => inbox.orders.find((o) => o.orderNumber.toLowerCase() === wanted)
    const found = find(await sync.current()) ?? find(await sync.syncNow())
    return found ? { clientId: found.clientId, loanId: found.loanId, orderId: found.orderId } : null
  }

  /** The order as the platform has it now (its copy kept), or offline as it was saved. */
  async order(ref: OrderRef): Promise<OrderDetail> {
    const { inbox, offline, queue } = this.deps
    await queue.ready()
    try {
      const order = await inbox.get(ref)
      void offline.saveOrder(order, this.deps.now()).catch(() => undefined)
      return this.withPending(order)
    } catch (error) {
      const kept = isOffline(error) ? await offline.loadOrder(ref) : null
      if (kept) return this.withPending(kept)
      throw error
    }
  }

  /** Performs the action; offline, a field action (at the property without a signal) is queued instead. */
  async perform(ref: OrderRef, action: OrderAction): Promise<PerformResult & { queued: boolean }> {
    const { actions, offline, queue } = this.deps
    try {
      const result = await actions.perform(ref, action)
      this.deps.recordOwnChange(result.order)
      return { ...result, order: this.withPending(result.order), queued: false }
    } catch (error) {
      const kept = isOffline(error) && isFieldAction(action.type) ? await offline.loadOrder(ref) : null
      if (!kept) throw error
      await queue.enqueue({ ref, action, queuedAt: this.deps.now(), orderLabel: orderLabel(kept), seenHistoryIds: kept.history.map((h) => h.id) })
      return { order: this.withPending(kept), confirmedFromHistory: false, queued: true }
    }
  }

  /** The order with the field actions waiting to be sent for it. */
  private withPending(order: OrderDetail): OrderDetail {
    return {
      ...order,
      pendingActions: this.deps.queue.pendingFor(order).map((p) => ({ id: p.id, type: p.action.type, label: actionLabel(p.action.type), queuedAt: p.queuedAt }))
    }
  }
}
