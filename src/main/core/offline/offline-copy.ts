/**
 * The session's copy for working without a network: the inbox (offline-inbox.ts) and the orders
 * opened, kept in the session's files (encrypted on disk, or in memory — the personal-data policy decides).
 */
import { z } from 'zod'
import { OrderDetailSchema, orderKey, type Inbox, type InboxChanges, type OrderDetail, type OrderRef } from '../../../shared/ipc/order-schemas'
import type { Logger } from '../ports'
import type { SessionFiles } from '../storage/session-files'
import { serialQueue } from '../storage/serial'
import { OfflineInbox } from './offline-inbox'

const MAX_ORDERS = 300

const CachedOrdersSchema = z.object({ orders: z.array(z.object({ savedAt: z.string(), order: OrderDetailSchema })) })

export class OfflineCopy {
  private readonly serial = serialQueue()
  private readonly inbox: OfflineInbox

  constructor(
    private readonly files: SessionFiles,
    logger: Logger
  ) {
    this.inbox = new OfflineInbox(files, logger)
  }

  /** The inbox whole (the first sync of a run). */
  saveInbox(inbox: Inbox, savedAt: string): Promise<void> {
    return this.inbox.save(inbox, savedAt)
  }

  /** What one sync changed in the inbox. */
  updateInbox(changes: InboxChanges, whole: () => Inbox, savedAt: string): Promise<void> {
    return this.inbox.update(changes, whole, savedAt)
  }

  loadInbox(): Promise<{ inbox: Inbox; savedAt: string } | null> {
    return this.inbox.load()
  }

  saveOrder(order: OrderDetail, savedAt: string): Promise<void> {
    return this.serial(async () => {
      const kept = (await this.loadOrders()).filter((o) => orderKey(o.order) !== orderKey(order))
      const { pendingActions: _pending, savedAt: _savedAt, ...plain } = order
      await this.files.write('orders.json', { orders: [{ savedAt, order: plain }, ...kept].slice(0, MAX_ORDERS) })
    })
  }

  async loadOrder(ref: OrderRef): Promise<OrderDetail | null> {
    const kept = (await this.loadOrders()).find((o) => orderKey(o.order) === orderKey(ref))
    return kept ? { ...kept.order, savedAt: kept.savedAt } : null
  }

  private async loadOrders(): Promise<z.infer<typeof CachedOrdersSchema>['orders']> {
    return (await this.files.read('orders.json', CachedOrdersSchema))?.orders ?? []
  }
}
