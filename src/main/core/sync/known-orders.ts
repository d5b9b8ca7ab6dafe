/**
 * The orders one session knows, as of its last sync. A sync hands it each client's read: only the
 * orders on pages read anew are compared, only those the read says may have left are looked for,
 * and what the badge, the tray and deadline warnings need is kept up to date order by order — so a
 * sync's cost follows what changed, not the size of the inbox.
 */
import equal from 'fast-deep-equal'
import { orderKey as keyOf, type OrderRef, type OrderSummary } from '../../../shared/ipc/order-schemas'
import { hasResponseDeadline, inSet, needsAttention } from '../../../shared/order-workflow'
import type { ClientOrders } from '../orders/inbox-service'


export interface OrderDiff {
  added: OrderSummary[]
  changed: OrderSummary[]
  removed: OrderRef[]
}

export interface Deadline {
  order: OrderSummary & { respondBy: string }
  /** The response deadline, epoch ms. */
  end: number
}

export interface WaitingCounts {
  /** What the badge shows. */
  attention: number
  awaiting: number
  revisions: number
}

const refOf = ({ clientId, loanId, orderId }: OrderRef): OrderRef => ({ clientId, loanId, orderId })

export class KnownOrders {
  private readonly orders = new Map<string, OrderSummary>()
  private readonly byClient = new Map<string, Set<string>>()
  private readonly counts: WaitingCounts = { attention: 0, awaiting: 0, revisions: 0 }
  private readonly deadlines = new Map<string, Deadline>()

  constructor(initial: readonly OrderSummary[] = []) {
    for (const order of initial) this.put(keyOf(order), order)
  }

  has(ref: OrderRef): boolean {
    return this.orders.has(keyOf(ref))
  }

  all(): OrderSummary[] {
    return [...this.orders.values()]
  }

  /** One order as it now is (the appraiser's own change). */
  set(order: OrderSummary): void {
    this.put(keyOf(order), order)
  }

  /**
   * A client's orders as just read: what was added, changed (by value — an order read again and
   * equal is not a change) and removed goes into `diff`. `noteChange` is called with each added or
   * changed order and what was known of it, before it is replaced.
   */
  applyRead(read: ClientOrders, diff: OrderDiff, noteChange: (order: OrderSummary, old: OrderSummary | undefined) => void): void {
    const clientId = read.client.id
    const seen = new Set<string>()
    for (const order of read.fresh) {
      const key = keyOf(order)
      if (read.left === null) seen.add(key)
      const old = this.orders.get(key)
      if (old === order) continue
      if (old && equal(old, order)) {
        // The same order, read again: hold the new object, which the next 304 hands back as it is.
        this.orders.set(key, order)
        continue
      }
      ;(old ? diff.changed : diff.added).push(order)
      noteChange(order, old)
      this.put(key, order)
    }
    // With no last read to go by, whatever was known of the client and not read now has left.
    const left = read.left === null ? [...(this.byClient.get(clientId) ?? [])].filter((key) => !seen.has(key)) : read.left.map(keyOf)
    for (const key of left) {
      const gone = this.orders.get(key)
      if (!gone) continue
      diff.removed.push(refOf(gone))
      this.delete(key)
    }
  }

  /** Clients the vendor no longer works for: their orders go. */
  dropClientsOtherThan(clientIds: ReadonlySet<string>, diff: OrderDiff): void {
    for (const [clientId, keys] of [...this.byClient]) {
      if (clientIds.has(clientId)) continue
      for (const key of [...keys]) {
        const gone = this.orders.get(key)
        if (gone) diff.removed.push(refOf(gone))
        this.delete(key)
      }
      this.byClient.delete(clientId)
    }
  }

  /** What waits for the appraiser (the badge, the tray). */
  waiting(): Readonly<WaitingCounts> {
    return this.counts
  }

  /** The orders with a response deadline (a few, however large the inbox). */
  withDeadline(): IterableIterator<Deadline> {
    return this.deadlines.values()
  }

  private put(key: string, order: OrderSummary): void {
    const old = this.orders.get(key)
    if (old) this.count(key, old, -1)
    this.orders.set(key, order)
    this.count(key, order, 1)
    let keys = this.byClient.get(order.clientId)
    if (!keys) this.byClient.set(order.clientId, (keys = new Set()))
    keys.add(key)
  }

  private delete(key: string): void {
    const old = this.orders.get(key)
    if (!old) return
    this.count(key, old, -1)
    this.orders.delete(key)
    this.byClient.get(old.clientId)?.delete(key)
  }

  private count(key: string, order: OrderSummary, sign: 1 | -1): void {
    if (needsAttention(order.statusCode)) this.counts.attention += sign
    if (inSet('awaiting', order.statusCode)) this.counts.awaiting += sign
    if (inSet('revision', order.statusCode)) this.counts.revisions += sign
    if (sign < 0) this.deadlines.delete(key)
    else if (hasResponseDeadline(order)) this.deadlines.set(key, { order, end: Date.parse(order.respondBy) })
  }
}
