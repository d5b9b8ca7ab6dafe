/**
 * Reads one page of a client's orders into summaries, from the answer's bytes. An order sent
 * byte for byte as it was on the page held from the last read (same place) keeps that read's
 * summary — the very object: it is not decoded, parsed, validated, mapped or compared again. So a
 * page read anew for one changed order costs finding where its orders lie and one order's work,
 * not five hundred; and the page never becomes one large string (see arraySpans).
 */
import { z } from 'zod'
import { PlatformOrderPageSchema, PlatformOrderSchema } from '../../../platform/schemas'
import type { OrderSummary } from '../../../shared/ipc/order-schemas'
import { arraySpans } from '../platform/json-array-spans'
import type { BodyReader } from '../platform/platform-client'
import { toOrderSummary } from './order-mapping'

/** The page as declared, its items checked one by one below (each against the declared order schema). */
const EnvelopeSchema = PlatformOrderPageSchema.extend({ items: z.array(z.unknown()) })

export interface OrderPage {
  total: number
  /** The answer as sent and where each of its orders lies in it (null when it was not laid out plainly): what the next read of this page is compared with. */
  sent: { bytes: Buffer; spans: Int32Array } | null
  orders: OrderSummary[]
}

type ReadResult = ReturnType<BodyReader<OrderPage>>
type Refusal = Extract<ReadResult, { success: false }>

/** One order as sent, checked against the declared order schema and mapped — or its issues, placed on the page. */
function summaryAt(i: number, item: unknown, clientName: string): OrderSummary | Refusal {
  const parsed = PlatformOrderSchema.safeParse(item)
  if (!parsed.success) return { success: false, error: { issues: parsed.error.issues.map((issue) => ({ path: ['items', i, ...issue.path] })) } }
  return toOrderSummary(parsed.data, clientName)
}
const isRefusal = (value: OrderSummary | Refusal): value is Refusal => 'success' in value

/** A reader for one page of `clientName`'s orders; `held` is that page as last read for the same client name, if any. */
export function orderPageReader(clientName: string, held: OrderPage | null): BodyReader<OrderPage> {
  return (bytes) => {
    const found = arraySpans(bytes, 'items')
    if (!found) return readWhole(clientName, JSON.parse(bytes.toString('utf8')))
    const envelope = EnvelopeSchema.safeParse(JSON.parse(found.rest))
    if (!envelope.success) return envelope
    const { spans } = found
    // The held page's orders and spans come from one read: one order per span.
    const sent = held?.sent
    const orders: OrderSummary[] = new Array<OrderSummary>(spans.length / 2)
    for (let i = 0; i < orders.length; i++) {
      const start = spans[2 * i] as number
      const end = spans[2 * i + 1] as number
      if (held && sent && i < held.orders.length) {
        const heldStart = sent.spans[2 * i] as number
        const heldEnd = sent.spans[2 * i + 1] as number
        if (heldEnd - heldStart === end - start && bytes.compare(sent.bytes, heldStart, heldEnd, start, end) === 0) {
          orders[i] = held.orders[i] as OrderSummary
          continue
        }
      }
      const summary = summaryAt(i, JSON.parse(bytes.toString('utf8', start, end)), clientName)
      if (isRefusal(summary)) return summary
      orders[i] = summary
    }
    return { success: true, data: { total: envelope.data.total, sent: { bytes, spans }, orders } }
  }
}

/** A page not laid out plainly (see arraySpans): parsed whole and every order checked; the next read of it compares nothing. */
function readWhole(clientName: string, json: unknown): ReadResult {
  const envelope = EnvelopeSchema.safeParse(json)
  if (!envelope.success) return envelope
  const { items, total } = envelope.data
  const orders: OrderSummary[] = new Array<OrderSummary>(items.length)
  for (let i = 0; i < items.length; i++) {
    const summary = summaryAt(i, items[i], clientName)
    if (isRefusal(summary)) return summary
    orders[i] = summary
  }
  return { success: true, data: { total, sent: null, orders } }
}
