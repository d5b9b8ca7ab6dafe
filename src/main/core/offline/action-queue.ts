/**
 * Field actions waiting to be sent, in the session's files. Each carries its session's key and
 * is only ever read — and sent — by that session. An action being sent can't be withdrawn.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { OrderActionSchema, OrderRefSchema, orderKey, type OrderAction, type OrderRef } from '../../../shared/ipc/order-schemas'
import { actionLabel } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import { sameSessionKey, type SessionKey } from '../primitives/session-key'
import type { SessionFiles } from '../storage/session-files'


export const PendingActionSchema = z.object({
  id: z.string(),
  session: z.object({ origin: z.string(), userId: z.string() }),
  ref: OrderRefSchema,
  action: OrderActionSchema,
  queuedAt: z.string(),
  /** How the order is named to the appraiser (address, order number), even if it can no longer be read. */
  orderLabel: z.string(),
  /** The order's history as the appraiser last saw it: a record not among these may be this action, applied. */
  seenHistoryIds: z.array(z.string())
})
export type PendingAction = z.infer<typeof PendingActionSchema>
const QueueSchema = z.object({ items: z.array(z.unknown()) })

export class ActionQueue {
  private items: PendingAction[] = []
  private readonly sending = new Set<string>()
  private readonly loaded: Promise<void>

  constructor(
    private readonly files: SessionFiles,
    private readonly key: SessionKey
  ) {
    this.loaded = this.load()
  }

  /** The queue as saved (another session's items are never taken). */
  ready(): Promise<void> {
    return this.loaded
  }

  pendingFor(ref: OrderRef): PendingAction[] {
    return this.items.filter((p) => orderKey(p.ref) === orderKey(ref))
  }

  all(): PendingAction[] {
    return [...this.items]
  }

  has(id: string): boolean {
    return this.items.some((p) => p.id === id)
  }

  async enqueue(input: { ref: OrderRef; action: OrderAction; queuedAt: string; orderLabel: string; seenHistoryIds: string[] }): Promise<PendingAction> {
    await this.loaded
    // A newer field action of the same kind replaces the one still waiting (unless it is being sent).
    this.items = this.items.filter((p) => this.sending.has(p.id) || !(orderKey(p.ref) === orderKey(input.ref) && p.action.type === input.action.type))
    const item: PendingAction = { id: `p-${randomBytes(6).toString('hex')}`, session: { ...this.key }, ...input }
    this.items.push(item)
    await this.save()
    return item
  }

  /** The user withdraws an action: refused while it is being sent. */
  async cancel(id: string): Promise<void> {
    await this.loaded
    const item = this.items.find((p) => p.id === id)
    if (!item) throw new AppError('not_found', 'That action was already sent or cancelled.')
    if (this.sending.has(id)) throw new AppError('busy', `“${actionLabel(item.action.type)}” is already being sent, so it can't be cancelled now.`)
    await this.remove(id)
  }

  /** The sender holds the action while it sends it. */
  markSending(id: string): void {
    this.sending.add(id)
  }

  doneSending(id: string): void {
    this.sending.delete(id)
  }

  async remove(id: string): Promise<void> {
    this.items = this.items.filter((p) => p.id !== id)
    await this.save()
  }

  private async load(): Promise<void> {
    const saved = await this.files.read('pending.json', QueueSchema)
    const mine = (saved?.items ?? []).flatMap((raw) => {
      const parsed = PendingActionSchema.safeParse(raw)
      return parsed.success && sameSessionKey(parsed.data.session, this.key) ? [parsed.data] : []
    })
    this.items = [...mine, ...this.items.filter((p) => !mine.some((m) => m.id === p.id))]
  }

  private save(): Promise<void> {
    return this.files.write('pending.json', { items: this.items })
  }
}
