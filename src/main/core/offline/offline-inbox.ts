/**
 * The inbox's offline copy, kept in buckets: each order lives in one bucket file chosen by a hash of
 * its key, and the inbox's lists and times in `inbox.json`. A sync that changes one order rewrites
 * one bucket (a few hundred orders) and the small index, not the whole inbox — so main's cost of a
 * change does not grow with the inbox. The index names how many buckets to read: when that changes it is written after them.
 */
import { z } from 'zod'
import { InboxSchema, OrderSummarySchema, orderKey as keyOf, type Inbox, type InboxChanges, type OrderSummary } from '../../../shared/ipc/order-schemas'
import type { Logger } from '../ports'
import type { SessionFiles } from '../storage/session-files'

const INDEX = 'inbox.json'
const bucketFile = (index: number) => `inbox-${index}.json`
const ORDERS_PER_BUCKET = 400
const MAX_BUCKETS = 256

const InboxListsSchema = InboxSchema.omit({ orders: true })
const IndexSchema = z.object({ savedAt: z.string(), inbox: InboxListsSchema, buckets: z.number().int().min(1).max(MAX_BUCKETS) })
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
  /** The copy as last written, bucket by bucket; null until it has been written whole in this run. */
  private buckets: Map<string, OrderSummary>[] | null = null
  /** How many bucket files the folder may hold (from the index read, or the last write). */
  private bucketsOnDisk = 0

  constructor(
    private readonly files: SessionFiles,
    private readonly logger: Logger
  ) {}

  /** The copy saved before, or null when there is none or part of it can't be read. */
  async load(): Promise<{ inbox: Inbox; savedAt: string } | null> {
    const whole = await this.files.read(INDEX, WholeCopySchema)
    if (whole) return whole
    const index = await this.files.read(INDEX, IndexSchema)
    if (!index) return null
    this.bucketsOnDisk = index.buckets
    const orders: OrderSummary[] = []
    for (let i = 0; i < index.buckets; i++) {
      const bucket = await this.files.read(bucketFile(i), BucketSchema)
      if (!bucket) {
        this.logger.warn('part of the offline copy could not be read; it is not used', { bucket: i })
        return null
      }
      for (const order of bucket.orders) orders.push(order)
    }
    return { inbox: { ...index.inbox, orders }, savedAt: index.savedAt }
  }

  /** Writes the copy whole (the first sync of a run). */
  save(inbox: Inbox, savedAt: string): Promise<void> {
    const count = bucketCountFor(inbox.orders.length)
    const buckets = Array.from({ length: count }, () => new Map<string, OrderSummary>())
    for (const order of inbox.orders) {
      const key = keyOf(order)
      buckets[bucketOf(key, count)]?.set(key, order)
    }
    this.buckets = buckets
    const writes = buckets.map((_, i) => this.writeBucket(i))
    for (let i = count; i < this.bucketsOnDisk; i++) writes.push(this.files.remove(bucketFile(i)))
    this.bucketsOnDisk = count
    // Queued at once, in order (the session's files write one at a time): the index lands last, and a quit waits for all.
    writes.push(this.writeIndex(listsOf(inbox), savedAt, { inOrder: true }))
    return Promise.all(writes).then(() => undefined)
  }

  /** Writes what one sync changed: the buckets of the orders added, changed or removed, then the index (`whole` if never written whole). */
  update(changes: InboxChanges, whole: () => Inbox, savedAt: string): Promise<void> {
    const buckets = this.buckets
    if (!buckets) return this.save(whole(), savedAt)
    const dirty = new Set<number>()
    for (const order of [...changes.added, ...changes.changed]) {
      const key = keyOf(order)
      const index = bucketOf(key, buckets.length)
      buckets[index]?.set(key, order)
      dirty.add(index)
    }
    for (const ref of changes.removed) {
      const key = keyOf(ref)
      const index = bucketOf(key, buckets.length)
      buckets[index]?.delete(key)
      dirty.add(index)
    }
    return Promise.all([...[...dirty].map((i) => this.writeBucket(i)), this.writeIndex(listsOf(changes), savedAt)]).then(() => undefined)
  }

  private writeBucket(index: number): Promise<void> {
    return this.files.write(bucketFile(index), { orders: [...(this.buckets?.[index]?.values() ?? [])] })
  }

  /** In order when the number of buckets may have changed: an index never names a bucket not yet written. */
  private writeIndex(lists: InboxLists, savedAt: string, options: { inOrder?: boolean } = {}): Promise<void> {
    return this.files.write(INDEX, { savedAt, inbox: lists, buckets: this.buckets?.length ?? 1 }, options)
  }
}
