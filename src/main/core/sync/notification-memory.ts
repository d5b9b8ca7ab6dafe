/**
 * Which events this session was already told about — an event being one order reaching one state
 * (its status and the record that put it there), or one deadline warning — remembered in the
 * session's files across restarts, so each event is notified at most once, ever.
 */
import { z } from 'zod'
import { orderKey, type OrderSummary } from '../../../shared/ipc/order-schemas'
import type { SessionFiles } from '../storage/session-files'

const FILE = 'notified.json'
/** The most recent events kept; an older event can't come back (its order has moved on). */
const MAX_EVENTS = 5000
const MemorySchema = z.object({ events: z.array(z.string()) })


/** The event an order's current state is: the order, its status, and when the platform last changed it. */
export const stateEvent = (o: OrderSummary) => `state|${orderKey(o)}|${o.statusCode}|${o.updatedAt}`
export const deadlineEvent = (o: OrderSummary) => `deadline|${orderKey(o)}|${o.respondBy ?? ''}`

export class NotificationMemory {
  private events: string[] = []
  private known = new Set<string>()
  private readonly loaded: Promise<void>

  constructor(private readonly files: SessionFiles) {
    this.loaded = files.read(FILE, MemorySchema).then((saved) => {
      for (const event of saved?.events ?? []) this.remember(event)
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
    let added = false
    for (const event of events) if (!this.known.has(event)) added = this.remember(event) || added
    return added ? this.files.write(FILE, { events: this.events }) : Promise.resolve()
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
