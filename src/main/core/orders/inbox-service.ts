/** Reads one session's orders across every client the vendor works for, and one order in full. */
import { ORDERS_PAGE_SIZE_MAX } from '../../../platform/endpoints'
import type { MeResponse } from '../../../platform/schemas'
import { orderKey, type ClientSummary, type OrderDetail, type OrderRef, type OrderSummary } from '../../../shared/ipc/order-schemas'
import type { AppError } from '../errors'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import { toAppError } from '../platform/to-app-error'
import type { Logger } from '../ports'
import { toOrderDetail } from './order-mapping'
import { orderPageReader, type OrderPage } from './order-page-reader'

/** Pages read in one sync, all clients together: a platform claiming millions costs at most this. */
export const MAX_PAGES_PER_SYNC = 120
export const PAGE_CONCURRENCY = 4

/**
 * What one client's read found. Pages answered 304 are the very summaries of the last read, so
 * only `fresh` (orders on pages read anew) can differ from what was known, and `left` are the
 * orders (as last read) now on no page at all. `left` is null when there is no last read to go by:
 * then every page is fresh, and whatever was known and not read has left.
 */
export interface ClientOrders {
  client: ClientSummary
  fresh: OrderSummary[]
  left: OrderSummary[] | null
}
export type ClientRead = ClientOrders | { client: ClientSummary; error: AppError }

/** One page as last read: its orders already turned into summaries (a 304 reuses them as they are), and its ETag. */
interface HeldPage extends OrderPage {
  etag: string | null
  /** The client's name is in every summary: a renamed client's page is read again. */
  clientName: string
  pageSize: number
}
/** A page as this sync has it, and whether it is the one held (a 304). */
interface PageRead {
  page: HeldPage
  held: boolean
}

export interface InboxRead {
  clients: ClientSummary[]
  /** One entry per client: its orders, or why they could not be read this time. */
  results: ClientRead[]
  fetchedAt: string
}

export class InboxService {
  /** Each client's pages as last read, with their ETags: an unchanged page costs a 304 — no parsing, no mapping, no comparing. */
  private readonly pages = new Map<string, HeldPage[]>()
  /** Per client, on how many held pages each order is (a list read while it shifts can show one twice). */
  private readonly onPages = new Map<string, Map<string, number>>()

  constructor(
    private readonly auth: AuthorizedPlatform,
    private readonly logger: Logger,
    private readonly now: () => number
  ) {}

  /** Every client's orders; a failing client does not hide the others. Throws only when none can be read. */
  async read(): Promise<InboxRead> {
    const me = await this.me()
    this.forgetClientsOtherThan(new Set(me.clients.map((c) => c.id)))
    const budget = { pages: MAX_PAGES_PER_SYNC }
    const settled = await Promise.allSettled(me.clients.map((client) => this.allOrdersOf(client, budget)))
    const results: ClientRead[] = settled.map((result, index) => {
      const client = me.clients[index] as MeResponse['clients'][number]
      if (result.status === 'fulfilled') return { client, ...result.value }
      const error = toAppError(result.reason)
      this.logger.warn('could not load a client’s orders', { clientId: client.id, error: error.code })
      return { client, error }
    })
    const failed = results.filter((r) => 'error' in r)
    if (me.clients.length > 0 && failed.length === me.clients.length) throw (failed[0] as { error: AppError }).error
    return { clients: me.clients, results, fetchedAt: new Date(this.now()).toISOString() }
  }

  async get(ref: OrderRef): Promise<OrderDetail> {
    const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
    try {
      const [me, detail, history, revisions, submissions, documents] = await Promise.all([
        this.auth.call('me'),
        this.auth.call('getOrder', { params }),
        this.auth.call('getVendorHistory', { params }),
        this.auth.call('listRevisions', { params }),
        this.auth.call('listSubmissions', { params }),
        this.auth.call('listDocuments', { params })
      ])
      const clientName = me.clients.find((c) => c.id === ref.clientId)?.name ?? ref.clientId
      return toOrderDetail(detail, clientName, {
        history: history.items,
        revisions: revisions.items,
        submissions: submissions.items,
        documents: documents.items
      })
    } catch (error) {
      throw toAppError(error)
    }
  }

  private async me(): Promise<MeResponse> {
    try {
      return await this.auth.call('me')
    } catch (error) {
      throw toAppError(error)
    }
  }

  /**
   * A client the vendor no longer works for: its pages as last read go, as its orders leave the
   * inbox. Should it come back, every page is read in full and every order known again — a 304 for
   * a page held from before would hand back orders the inbox no longer has.
   */
  private forgetClientsOtherThan(clientIds: ReadonlySet<string>): void {
    for (const clientId of [...this.pages.keys()]) {
      if (clientIds.has(clientId)) continue
      this.pages.delete(clientId)
      this.onPages.delete(clientId)
    }
  }

  private async fetchPage(client: ClientSummary, page: number, pageSize: number): Promise<PageRead> {
    const found = this.pages.get(client.id)?.[page - 1]
    const last = found && found.clientName === client.name && found.pageSize === pageSize ? found : null
    const request = { params: { clientId: client.id }, query: { page, pageSize } }
    const read = orderPageReader(client.name, last)
    const result = await this.auth.callConditional('listClientOrders', { ...request, ...(last?.etag ? { ifNoneMatch: last.etag } : {}) }, read)
    if (result.notModified && last?.etag) return { page: last, held: true }
    // A 304 for a copy we don't hold: ask again, unconditionally.
    const body = result.notModified ? await this.auth.call('listClientOrders', request, read) : result.body
    return { page: { ...body, etag: result.notModified ? null : result.etag, clientName: client.name, pageSize }, held: false }
  }

  /** The client's orders from the pages read, and what may have changed since the last read (see ClientOrders); held from now on. */
  private settle(client: ClientSummary, read: PageRead[]): Omit<ClientOrders, 'client'> {
    const previous = this.pages.get(client.id)
    this.pages.set(client.id, read.map((r) => r.page))
    const fresh = read.filter((r) => !r.held).flatMap((r) => r.page.orders)
    const counts = previous ? (this.onPages.get(client.id) ?? new Map<string, number>()) : new Map<string, number>()
    this.onPages.set(client.id, counts)
    if (!previous) {
      for (const order of fresh) counts.set(orderKey(order), (counts.get(orderKey(order)) ?? 0) + 1)
      return { fresh, left: null }
    }
    // Place by place on the pages read anew: a summary the reader reused is still there (nothing to count).
    const replaced: OrderSummary[] = []
    for (let i = 0; i < Math.max(previous.length, read.length); i++) {
      if (read[i]?.held) continue
      const before = previous[i]?.orders ?? []
      const after = read[i]?.page.orders ?? []
      for (let j = 0; j < Math.max(before.length, after.length); j++) {
        const was = before[j]
        const now = after[j]
        if (was === now) continue
        if (was) {
          replaced.push(was)
          counts.set(orderKey(was), (counts.get(orderKey(was)) ?? 1) - 1)
        }
        if (now) counts.set(orderKey(now), (counts.get(orderKey(now)) ?? 0) + 1)
      }
    }
    const left = replaced.filter((order) => {
      const key = orderKey(order)
      if (counts.get(key) !== 0) return false
      counts.delete(key)
      return true
    })
    return { fresh, left }
  }

  /**
   * Every page of one client's orders: no more pages than `total` implies nor than the sync's
   * budget has left (shared by all clients), at most 4 requests at once, none after a short page.
   */
  private async allOrdersOf(client: ClientSummary, budget: { pages: number }): Promise<Omit<ClientOrders, 'client'>> {
    const pageSize = ORDERS_PAGE_SIZE_MAX
    budget.pages--
    const first = await this.fetchPage(client, 1, pageSize)
    if (first.page.orders.length < pageSize) return this.settle(client, [first])
    const claimed = Math.ceil(first.page.total / pageSize)
    const found: PageRead[] = [first]
    let next = 2
    let lastPage = claimed
    const worker = async () => {
      while (next <= lastPage) {
        if (budget.pages <= 0) {
          lastPage = next - 1
          break
        }
        budget.pages--
        const page = next++
        const read = await this.fetchPage(client, page, pageSize)
        found[page - 1] = read
        if (read.page.orders.length < pageSize) lastPage = Math.min(lastPage, page)
      }
    }
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, claimed - 1) }, worker))
    if (lastPage < claimed) this.logger.warn('a client claims more orders than the app reads in one sync', { clientId: client.id, pagesRead: lastPage, pagesClaimed: claimed })
    return this.settle(client, found.slice(0, lastPage))
  }
}
