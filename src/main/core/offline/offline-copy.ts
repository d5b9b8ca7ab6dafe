/**
 * The session's copy for working without a network: the inbox and the orders opened, kept in
 * the session's files (encrypted on disk, or in memory — the personal-data policy decides).
 */
import { z } from 'zod'
import { InboxSchema, OrderDetailSchema, type Inbox, type OrderDetail, type OrderRef } from '../../../shared/ipc/order-schemas'
import type { SessionFiles } from '../storage/session-files'
import { serialQueue } from '../storage/serial'

const MAX_ORDERS = 300
const orderKey = (o: OrderRef) => `${o.clientId}/${o.loanId}/${o.orderId}`

const CachedInboxSchema = z.object({ savedAt: z.string(), inbox: InboxSchema })
const CachedOrdersSchema = z.object({ orders: z.array(z.object({ savedAt: z.string(), order: OrderDetailSchema })) })

export class OfflineCopy {
  private readonly serial = serialQueue()

  constructor(private readonly files: SessionFiles) {}

  saveInbox(inbox: Inbox, savedAt: string): Promise<void> {
    return this.files.write('inbox.json', { savedAt, inbox })
  }

  loadInbox(): Promise<{ inbox: Inbox; savedAt: string } | null> {
    return this.files.read('inbox.json', CachedInboxSchema)
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
