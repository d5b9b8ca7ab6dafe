/**
 * The inbox's offline copy, kept in buckets: each order lives in one bucket file chosen by a hash of
 * its key, and the inbox's lists and times in `inbox.json`. What syncs change after the buckets were
 * written goes into one small file of recent changes (`inbox-recent.json`), rewritten whole each
 * time; only when it holds many orders are they folded into their buckets. So a sync that changes
 * one order writes one small file — main's cost of a change does not grow with the inbox.
 *
 * A generation id ties the recent changes to the buckets they apply to: folding or writing the copy
 * whole starts a new generation (named in the index, written after the buckets), and changes of any
 * other generation are never read again.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { InboxSchema, OrderRefSchema, OrderSummarySchema, orderKey as keyOf, type Inbox, type InboxChanges, type OrderRef, type OrderSummary } from '../../../shared/ipc/order-schemas'
import type { Logger } from '../ports'
import type { SessionFiles } from '../storage/session-files'

const INDEX = 'inbox.json'
const RECENT = 'inbox-recent.json'
const bucketFile = (index: number) => `inbox-${index}.json`
const ORDERS_PER_BUCKET = 400
const MAX_BUCKETS = 256
/** Orders the recent-changes file holds before they are folded into their buckets (about 50 KB). */
const MAX_RECENT = 100

const InboxListsSchema = InboxSchema.omit({ orders: true })
const IndexSchema = z.object({ savedAt: z.string(), inbox: InboxListsSchema, buckets: z.number().int().min(1).max(MAX_BUCKETS), generation: z.string().optional() })
const RecentSchema = z.object({ generation: z.string(), savedAt: z.string(), inbox: InboxListsSchema, orders: z.array(OrderSummarySchema), removed: z.array(OrderRefSchema) })
/** The whole-inbox file of earlier versions, read once and then replaced. */
const WholeCopySchema = z.object({ savedAt: z.string(), inbox: InboxSchema })
const BucketSchema = z.object({ orders: z.array(OrderSummarySchema) })

type InboxLists = z.infer<typeof InboxListsSchema>

/** A power of two, so a key's bucket is its hash's low bits. */
const bucketCountFor = (orders: number) => Math.min(MAX_BUCKETS, 2 ** Math.ceil(Math.log2(Math.max(1, orders / ORDERS_PER_BUCKET))))
/** FNV-1a, its bits mixed (murmur3's finalizer) so similar keys spread evenly: stable across runs and platforms. */
function bucketOf(key: string, count: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return ((hash ^ (hash >>> 16)) >>> 0) & (count - 1)
}
const listsOf = ({ clients, failures, fetchedAt, offlineSince }: Inbox | InboxChanges): InboxLists => ({ clients, failures, fetchedAt, offlineSince })

export class OfflineInbox {
  /**
   * The copy as last written, bucket by bucket (recent changes included), and the generation that
   * names those buckets (random: a file left from any other can never match); null until the copy
   * has been written whole in this run.
   */
  private written: { buckets: Map<string, OrderSummary>[]; generation: string } | null = null
  /** How many bucket files the folder may hold (from the index read, or the last write). */
  private bucketsOnDisk = 0
  /** Changed since the buckets on disk were written (by key): each order as it now is, or the ref of one removed. */
  private readonly recent = new Map<string, { order: OrderSummary } | { removed: OrderRef }>()

  constructor(
    private readonly files: SessionFiles,
    private readonly logger: Logger
  ) {}

  /** The copy saved before, or null when there is none or part of it can't be read. */
  async load(): Promise<{ inbox: Inbox; savedAt: string } | null> {
    const stored = await this.files.read(INDEX, z.union([IndexSchema, WholeCopySchema]))
    if (!stored) return null
    if (!('buckets' in stored)) return stored
    const index = stored
    this.bucketsOnDisk = index.buckets
    const orders = new Map<string, OrderSummary>()
    for (let i = 0; i < index.buckets; i++) {
      const bucket = await this.files.read(bucketFile(i), BucketSchema)
      if (!bucket) {
        this.logger.warn('part of the offline copy could not be read; it is not used', { bucket: i })
        return null
      }
      for (const order of bucket.orders) orders.set(keyOf(order), order)
    }
    const recent = await this.files.read(RECENT, RecentSchema)
    if (!recent || index.generation === undefined || recent.generation !== index.generation) return { inbox: { ...index.inbox, orders: [...orders.values()] }, savedAt: index.savedAt }
    for (const order of recent.orders) orders.set(keyOf(order), order)
    for (const ref of recent.removed) orders.delete(keyOf(ref))
    return { inbox: { ...recent.inbox, orders: [...orders.values()] }, savedAt: recent.savedAt }
  }

  /** Writes the copy whole (the first sync of a run). */
  save(inbox: Inbox, savedAt: string): Promise<void> {
    const count = bucketCountFor(inbox.orders.length)
    const buckets = Array.from({ length: count }, () => new Map<string, OrderSummary>())
    for (const order of inbox.orders) {
      const key = keyOf(order)
      buckets[bucketOf(key, count)]?.set(key, order)
    }
    const written = { buckets, generation: randomUUID() }
    this.written = written
    const writes = buckets.map((_, i) => this.writeBucket(written, i))
    for (let i = count; i < this.bucketsOnDisk; i++) writes.push(this.files.remove(bucketFile(i)))
    this.bucketsOnDisk = count
    writes.push(this.writeIndex(written, listsOf(inbox), savedAt))
    return Promise.all(writes).then(() => undefined)
  }

  /** Writes what one sync changed: into the recent changes, or — when they have grown large — into the buckets (`whole` if never written whole). */
  update(changes: InboxChanges, whole: () => Inbox, savedAt: string): Promise<void> {
    const written = this.written
    if (!written) return this.save(whole(), savedAt)
    const { buckets } = written
    for (const order of [...changes.added, ...changes.changed]) {
      const key = keyOf(order)
      buckets[bucketOf(key, buckets.length)]?.set(key, order)
      this.recent.set(key, { order })
    }
    for (const ref of changes.removed) {
      const key = keyOf(ref)
      buckets[bucketOf(key, buckets.length)]?.delete(key)
      this.recent.set(key, { removed: ref })
    }
    if (this.recent.size <= MAX_RECENT) return this.writeRecent(written, listsOf(changes), savedAt)
    // Folded: the dirty buckets hold every recent change, and make a new generation.
    written.generation = randomUUID()
    const dirty = new Set([...this.recent.keys()].map((key) => bucketOf(key, buckets.length)))
    const writes = [...dirty].map((i) => this.writeBucket(written, i))
    writes.push(this.writeIndex(written, listsOf(changes), savedAt))
    return Promise.all(writes).then(() => undefined)
  }

  private writeBucket(written: { buckets: Map<string, OrderSummary>[] }, index: number): Promise<void> {
    return this.files.write(bucketFile(index), { orders: [...(written.buckets[index]?.values() ?? [])] })
  }

  /**
   * The buckets just queued hold everything: the index names their generation once they are written
   * (queued in order behind them, as is a quit) — the recent changes of the last one are void.
   */
  private writeIndex(written: { buckets: Map<string, OrderSummary>[]; generation: string }, lists: InboxLists, savedAt: string): Promise<void> {
    this.recent.clear()
    const index = this.files.write(INDEX, { savedAt, inbox: lists, buckets: written.buckets.length, generation: written.generation }, { inOrder: true })
    return Promise.all([index, this.files.remove(RECENT)]).then(() => undefined)
  }

  private writeRecent({ generation }: { generation: string }, lists: InboxLists, savedAt: string): Promise<void> {
    const orders: OrderSummary[] = []
    const removed: OrderRef[] = []
    for (const change of this.recent.values()) {
      if ('order' in change) orders.push(change.order)
      else removed.push(change.removed)
    }
    return this.files.write(RECENT, { generation, savedAt, inbox: lists, orders, removed })
  }
}
