/**
 * Reads one page of a client's orders into summaries. An order sent exactly as it was on the page
 * held from the last read (same place, same JSON) keeps that read's summary — the very object: it
 * is not validated, mapped or compared again. So a page read anew for one changed order costs
 * parsing its JSON and one order's work, not five hundred. The page keeps the items it held for
 * those orders too, so the others just read die young instead of replacing, in the old generation,
 * what the collector would then have to find and free.
 */
import equal from 'fast-deep-equal'
import { z } from 'zod'
import { PlatformOrderPageSchema, PlatformOrderSchema } from '../../../platform/schemas'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import type { BodyReader } from '../platform/platform-client'
import { toOrderSummary } from './order-mapping'

/** The page as declared, its items checked one by one below (each against the declared order schema). */
const EnvelopeSchema = PlatformOrderPageSchema.extend({ items: z.array(z.unknown()) })

export interface OrderPage {
  total: number
  /** The items as sent: what the next read of this page is compared with. */
  raw: unknown[]
  orders: OrderSummary[]
}

/** A reader for one page of `clientName`'s orders; `held` is that page as last read for the same client name, if any. */
export function orderPageReader(clientName: string, held: OrderPage | null): BodyReader<OrderPage> {
  return (json) => {
    const envelope = EnvelopeSchema.safeParse(json)
    if (!envelope.success) return envelope
    const { items, total } = envelope.data
    const orders: OrderSummary[] = new Array<OrderSummary>(items.length)
    const raw: unknown[] = new Array<unknown>(items.length)
    for (let i = 0; i < items.length; i++) {
      const kept = held !== null && i < held.raw.length && equal(items[i], held.raw[i]) ? held.orders[i] : undefined
      if (kept && held) {
        orders[i] = kept
        raw[i] = held.raw[i]
        continue
      }
      const parsed = PlatformOrderSchema.safeParse(items[i])
      if (!parsed.success) return { success: false, error: { issues: parsed.error.issues.map((issue) => ({ path: ['items', i, ...issue.path] })) } }
      orders[i] = toOrderSummary(parsed.data, clientName)
      raw[i] = items[i]
    }
    return { success: true, data: { total, raw, orders } }
  }
}
