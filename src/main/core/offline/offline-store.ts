import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { InboxSchema, OrderActionSchema, OrderDetailSchema, OrderRefSchema, type Inbox, type OrderAction, type OrderDetail, type OrderRef } from '../../../shared/ipc/order-schemas'
import type { EncryptedFiles } from '../storage/encrypted-files'

const MAX_ORDERS = 300
const orderKey = (o: OrderRef) => `${o.clientId}/${o.loanId}/${o.orderId}`

const CachedInboxSchema = z.object({ userId: z.string(), savedAt: z.string(), inbox: InboxSchema })
const CachedOrdersSchema = z.object({ userId: z.string(), orders: z.array(z.object({ savedAt: z.string(), order: OrderDetailSchema })) })
export const PendingActionSchema = z.object({
  id: z.string(),
  ref: OrderRefSchema,
  action: OrderActionSchema,
  queuedAt: z.string(),
  /** The order's history as the appraiser last saw it: a record not among these may be this action, applied. */
  seenHistoryIds: z.array(z.string())
})
export type PendingAction = z.infer<typeof PendingActionSchema>
const PendingSchema = z.object({ userId: z.string(), items: z.array(PendingActionSchema) })

/**
 * What the app keeps for working without a network: the inbox and the orders viewed, and field
 * actions waiting to be sent — encrypted (EncryptedFiles), for one user, and only for a session
 * kept across restarts (never for a memory-only one: then pending actions live in memory alone).
 */
export class OfflineStore {
  private userId: string | null = null
  private persistent = false
  private pending: PendingAction[] = []
  // One file operation at a time: a sign-out's wipe never races a write that would re-create a file.
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly files: EncryptedFiles) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Signed in as `userId`; `persistent` when the session is kept on disk. */
  open(userId: string, persistent: boolean): Promise<void> {
    if (this.userId === userId && this.persistent === persistent) return this.queue.then(() => undefined)
    if (this.userId !== userId) this.pending = []
    this.userId = userId
    this.persistent = persistent
    return this.serial(async () => {
      if (!persistent) return this.files.wipe()
      const saved = PendingSchema.safeParse(await this.files.read('pending.json'))
      if (saved.success && saved.data.userId === userId && this.userId === userId) this.pending = saved.data.items
    })
  }

  /** Signed out (or the vault could not be read): nothing stays. */
  close(): Promise<void> {
    this.userId = null
    this.persistent = false
    this.pending = []
    return this.serial(() => this.files.wipe())
  }

  saveInbox(inbox: Inbox, savedAt: string): Promise<void> {
    return this.serial(async () => {
      const userId = this.writableFor()
      if (userId) await this.files.write('inbox.json', { userId, savedAt, inbox })
    })
  }

  loadInbox(): Promise<{ inbox: Inbox; savedAt: string } | null> {
    return this.serial(async () => {
      const userId = this.writableFor()
      if (!userId) return null
      const saved = CachedInboxSchema.safeParse(await this.files.read('inbox.json'))
      return saved.success && saved.data.userId === userId ? { inbox: saved.data.inbox, savedAt: saved.data.savedAt } : null
    })
  }

  saveOrder(order: OrderDetail, savedAt: string): Promise<void> {
    return this.serial(async () => {
      const userId = this.writableFor()
      if (!userId) return
      const kept = (await this.loadOrders(userId)).filter((o) => orderKey(o.order) !== orderKey(order))
      await this.files.write('orders.json', { userId, orders: [{ savedAt, order }, ...kept].slice(0, MAX_ORDERS) })
    })
  }

  loadOrder(ref: OrderRef): Promise<OrderDetail | null> {
    return this.serial(async () => {
      const userId = this.writableFor()
      const kept = userId ? (await this.loadOrders(userId)).find((o) => orderKey(o.order) === orderKey(ref)) : undefined
      return kept ? { ...kept.order, savedAt: kept.savedAt } : null
    })
  }

  pendingFor(ref: OrderRef): PendingAction[] {
    return this.pending.filter((p) => orderKey(p.ref) === orderKey(ref))
  }

  allPending(): PendingAction[] {
    return [...this.pending]
  }

  async enqueue(ref: OrderRef, action: OrderAction, queuedAt: string, seenHistoryIds: string[]): Promise<PendingAction> {
    // A newer field action of the same kind replaces the one still waiting.
    this.pending = this.pending.filter((p) => !(orderKey(p.ref) === orderKey(ref) && p.action.type === action.type))
    const item = { id: `p-${randomBytes(6).toString('hex')}`, ref, action, queuedAt, seenHistoryIds }
    this.pending.push(item)
    await this.savePending()
    return item
  }

  async remove(id: string): Promise<boolean> {
    const before = this.pending.length
    this.pending = this.pending.filter((p) => p.id !== id)
    await this.savePending()
    return this.pending.length !== before
  }

  /** The user whose files may be read and written now, or null (signed out, or memory only). */
  private writableFor(): string | null {
    return this.persistent ? this.userId : null
  }

  private async loadOrders(userId: string): Promise<z.infer<typeof CachedOrdersSchema>['orders']> {
    const saved = CachedOrdersSchema.safeParse(await this.files.read('orders.json'))
    return saved.success && saved.data.userId === userId ? saved.data.orders : []
  }

  private savePending(): Promise<void> {
    return this.serial(async () => {
      const userId = this.writableFor()
      if (userId) await this.files.write('pending.json', { userId, items: this.pending })
    })
  }
}
