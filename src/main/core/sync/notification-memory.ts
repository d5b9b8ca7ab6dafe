/**
 * Which events this session was already told about — an event being one order reaching one state
 * (its status and the record that put it there), or one deadline warning — remembered in the
 * session's files across restarts, so each event is notified at most once, ever.
 *
 * The events told lately go into a small file of their own, rewritten whole each time; only when it
 * holds many are they folded into the file of all events (up to 5,000) — so a notification does not
 * cost rewriting them all. Both are read, always: every event in either was told (a fold cut short
 * leaves an event in both, which is the same event).
 */
import { z } from 'zod'
import { orderKey, type OrderSummary } from '../../../shared/ipc/order-schemas'
import type { SessionFiles } from '../storage/session-files'

const FILE = 'notified.json'
const RECENT_FILE = 'notified-recent.json'
/** The most recent events kept; an older event can't come back (its order has moved on). */
const MAX_EVENTS = 5000
/** Events the small file holds before they are folded into the large one. */
const MAX_RECENT = 100
const MemorySchema = z.object({ events: z.array(z.string()) })


/** The event an order's current state is: the order, its status, and when the platform last changed it. */
export const stateEvent = (o: OrderSummary) => `state|${orderKey(o)}|${o.statusCode}|${o.updatedAt}`
export const deadlineEvent = (o: OrderSummary) => `deadline|${orderKey(o)}|${o.respondBy ?? ''}`

export class NotificationMemory {
  private events: string[] = []
  private known = new Set<string>()
  /** Told since the large file was written (null: it has not been written in this run). */
  private recent: string[] | null = null
  private readonly loaded: Promise<void>

  constructor(private readonly files: SessionFiles) {
    this.loaded = Promise.all([files.read(FILE, MemorySchema), files.read(RECENT_FILE, MemorySchema)]).then(([saved, recent]) => {
      for (const event of [...(saved?.events ?? []), ...(recent?.events ?? [])]) this.remember(event)
    })
  }

  ready(): Promise<void> {
    return this.loaded
  }

  has(event: string): boolean {
    return this.known.has(event)
  }

  /** Marks events as told (those already told are left as they are); saved in the background. */
  add(events: readonly string[]): Promise<void> {
    const told = events.filter((event) => this.remember(event))
    if (told.length === 0) return Promise.resolve()
    if (this.recent && this.recent.length + told.length <= MAX_RECENT) {
      this.recent.push(...told)
      return this.files.write(RECENT_FILE, { events: this.recent })
    }
    // Folded: the large file holds them all; the small one goes once it has been written.
    this.recent = []
    return Promise.all([this.files.write(FILE, { events: this.events }, { inOrder: true }), this.files.remove(RECENT_FILE)]).then(() => undefined)
  }

  private remember(event: string): boolean {
    if (this.known.has(event)) return false
    this.events.push(event)
    this.known.add(event)
    if (this.events.length > MAX_EVENTS) {
      for (const old of this.events.splice(0, this.events.length - MAX_EVENTS)) this.known.delete(old)
    }
    return true
  }
}
