/**
 * The inbox as this session knows it, and how a sync's answer changes it: the orders (diffed per
 * client), the clients, the lists that failed (their orders kept as last known, marked with their
 * time), whether it is offline, and the offline copy that holds it between runs.
 */
import equal from 'fast-deep-equal'
import type { ClientFailure, ClientSummary, Inbox, InboxChanges, OrderDetail, OrderSummary } from '../../../shared/ipc/order-schemas'
import type { OfflineCopy } from '../offline/offline-copy'
import type { InboxRead } from '../orders/inbox-service'
import type { Clock, Logger } from '../ports'
import { KnownOrders, type OrderDiff } from './known-orders'

const OFFLINE_COPY_REFRESH_MS = 10 * 60_000

export function summaryOf(order: OrderDetail): OrderSummary {
  const { clientId, loanId, orderId, clientName, orderNumber, loanNumber, statusCode, product, fee, dueDate, rush, address, borrowerName, assignedAt, updatedAt, respondBy, latestRevision, inspection } = order
  return { clientId, loanId, orderId, clientName, orderNumber, loanNumber, statusCode, product, fee, dueDate, rush, address, borrowerName, assignedAt, updatedAt, respondBy, latestRevision, appointmentAt: inspection.completedAt ? null : inspection.scheduledAt }
}

/** What one sync's answer did to the inbox. */
export interface AppliedRead {
  changes: InboxChanges
  /** This run's first answer: nothing to compare with yet. */
  first: boolean
  /** The first answer after the copy an earlier run saved: what came while the app was closed. */
  away: boolean
  /** It had been offline until this answer. */
  wasOffline: boolean
  /** Anything the window shows changed. */
  changed: boolean
}

export interface SyncedInboxDeps {
  offline: OfflineCopy
  clock: Clock
  logger: Logger
  /** Orders this session now holds (all of them at first, then what changed): whose names the logs must not show. */
  holds(orders: readonly OrderSummary[]): void
}

export class SyncedInbox {
  orders = new KnownOrders()
  private clients: ClientSummary[] = []
  private failures: ClientFailure[] = []
  /** When each client's orders were last read successfully. */
  private readonly readAt = new Map<string, string>()
  fetchedAt: string | null = null
  /** The orders came from the copy saved in an earlier run, not from the platform yet. */
  fromCopy: { savedAt: string } | null = null
  private copyLoaded: Promise<void> | null = null
  /** While the platform can't be reached: when the orders shown were read. */
  offlineSince: string | null = null
  private copySavedAt = Number.NEGATIVE_INFINITY

  constructor(private readonly deps: SyncedInboxDeps) {}

  snapshot(): Inbox {
    return { orders: this.orders.all(), clients: this.clients, failures: this.failures, fetchedAt: this.stamp(), offlineSince: this.offlineSince }
  }

  /** No order changed: the lists' frame as it is (clients, failures, times), for a change of those alone. */
  changeFrame(): InboxChanges {
    return { added: [], changed: [], removed: [], clients: this.clients, failures: this.failures, fetchedAt: this.stamp(), offlineSince: this.offlineSince }
  }

  /** The copy saved by an earlier run (or session of this key): what was known, for a start without a network and for "while you were away". */
  loadCopy(): Promise<void> {
    this.copyLoaded ??= this.deps.offline.loadInbox().then((kept) => {
      if (!kept || this.fetchedAt !== null) return
      this.orders = new KnownOrders(kept.inbox.orders)
      this.deps.holds(kept.inbox.orders)
      this.clients = kept.inbox.clients
      for (const client of kept.inbox.clients) {
        const failed = kept.inbox.failures.find((f) => f.clientId === client.id)
        const at = failed ? failed.showingSince : kept.inbox.fetchedAt
        if (at) this.readAt.set(client.id, at)
      }
      this.fetchedAt = kept.inbox.fetchedAt
      this.fromCopy = { savedAt: kept.savedAt }
    })
    return this.copyLoaded
  }

  /** The platform can't be reached: what was last known stays, marked with its time. Null when nothing changes. */
  goOffline(): InboxChanges | null {
    if (this.offlineSince || this.fetchedAt === null) return null
    this.offlineSince = this.fromCopy?.savedAt ?? this.fetchedAt
    this.deps.logger.warn('the platform cannot be reached; showing the orders saved before', { since: this.offlineSince })
    return this.changeFrame()
  }

  /** An order the appraiser changed in this app, as it now is: the change to tell the window. */
  applyLocal(order: OrderDetail): { summary: OrderSummary; changes: InboxChanges } {
    const summary = summaryOf(order)
    const known = this.orders.has(summary)
    this.orders.set(summary)
    this.deps.holds([summary])
    const changes: InboxChanges = { ...this.changeFrame(), added: known ? [] : [summary], changed: known ? [summary] : [] }
    if (this.fetchedAt !== null) void this.deps.offline.updateInbox(changes, () => this.snapshot(), this.fetchedAt).catch(() => undefined)
    return { summary, changes }
  }

  /** A sync's answer applied; `noteChange` hears each order that is new or changed (with what it was). */
  applyRead(read: InboxRead, noteChange: (order: OrderSummary, old: OrderSummary | undefined) => void): AppliedRead {
    const wasOffline = this.offlineSince !== null
    this.offlineSince = null
    const away = this.fromCopy !== null
    this.fromCopy = null
    const diff: OrderDiff = { added: [], changed: [], removed: [] }
    const failures: ClientFailure[] = []
    for (const result of read.results) {
      if ('error' in result) {
        // A client whose list failed keeps its orders as last known: never removed, never told again.
        failures.push({ clientId: result.client.id, clientName: result.client.name, message: result.error.message, showingSince: this.readAt.get(result.client.id) ?? null })
        continue
      }
      this.readAt.set(result.client.id, read.fetchedAt)
      this.orders.applyRead(result, diff, noteChange)
    }
    this.orders.dropClientsOtherThan(new Set(read.clients.map((c) => c.id)), diff)
    this.deps.holds(this.fetchedAt === null ? this.orders.all() : [...diff.added, ...diff.changed])
    const changes: InboxChanges = { ...diff, clients: read.clients, failures, fetchedAt: read.fetchedAt, offlineSince: null }
    const first = this.fetchedAt === null
    const metaChanged = !equal(this.clients, read.clients) || !equal(this.failures, failures)
    this.clients = read.clients
    this.failures = failures
    this.fetchedAt = read.fetchedAt
    const changed = changes.added.length + changes.changed.length + changes.removed.length > 0 || metaChanged
    this.keepCopy({ changes, first, away, changed }, read.fetchedAt)
    return { changes, first, away, wasOffline, changed }
  }

  /**
   * The offline copy is rewritten when something changed, else refreshed now and then (its time is
   * what "Offline — showing data from" says) — not re-encrypted on every unchanged poll. Only what
   * changed is written: the buckets of the orders that changed, and the small index.
   */
  private keepCopy(applied: Pick<AppliedRead, 'changes' | 'first' | 'away' | 'changed'>, fetchedAt: string): void {
    const now = this.deps.clock.now()
    if (!(applied.first || applied.away || applied.changed || now - this.copySavedAt >= OFFLINE_COPY_REFRESH_MS)) return
    this.copySavedAt = now
    const kept = applied.first || applied.away ? this.deps.offline.saveInbox(this.snapshot(), fetchedAt) : this.deps.offline.updateInbox(applied.changes, () => this.snapshot(), fetchedAt)
    void kept.catch(() => undefined)
  }

  private stamp(): string {
    return this.fetchedAt ?? new Date(this.deps.clock.now()).toISOString()
  }
}
