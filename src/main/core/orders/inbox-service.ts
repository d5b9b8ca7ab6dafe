/** Reads one session's orders across every client the vendor works for, and one order in full. */
import { ORDERS_PAGE_SIZE_MAX } from '../../../platform/endpoints'
import type { MeResponse, PlatformOrder, PlatformOrderPage } from '../../../platform/schemas'
import type { ClientSummary, OrderDetail, OrderRef, OrderSummary } from '../../../shared/ipc/order-schemas'
import type { AppError } from '../errors'
import type { AuthSession } from '../session/auth-session'
import { toAppError } from '../platform/to-app-error'
import type { Logger } from '../ports'
import { toOrderDetail, toOrderSummary } from './order-mapping'

/** Pages read in one sync, all clients together: a platform claiming millions costs at most this. */
export const MAX_PAGES_PER_SYNC = 120
export const PAGE_CONCURRENCY = 4

export type ClientRead = { client: ClientSummary; orders: OrderSummary[] } | { client: ClientSummary; error: AppError }

export interface InboxRead {
  clients: ClientSummary[]
  /** One entry per client: its orders, or why they could not be read this time. */
  results: ClientRead[]
  fetchedAt: string
}

export class InboxService {
  /** The pages last read, with their ETags: an unchanged page costs a 304 and no parsing. */
  private readonly pages = new Map<string, { etag: string; page: PlatformOrderPage }>()

  constructor(
    private readonly auth: AuthSession,
    private readonly logger: Logger,
    private readonly now: () => number
  ) {}

  /** Every client's orders; a failing client does not hide the others. Throws only when none can be read. */
  async read(): Promise<InboxRead> {
    const me = await this.me()
    const budget = { pages: MAX_PAGES_PER_SYNC }
    const settled = await Promise.allSettled(me.clients.map((client) => this.allOrdersOf(client.id, budget)))
    const results: ClientRead[] = settled.map((result, index) => {
      const client = me.clients[index] as MeResponse['clients'][number]
      if (result.status === 'fulfilled') return { client, orders: result.value.map((o) => toOrderSummary(o, client.name)) }
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

  private async fetchPage(clientId: string, page: number, pageSize: number): Promise<PlatformOrderPage> {
    const key = `${clientId}:${page}:${pageSize}`
    const held = this.pages.get(key)
    const result = await this.auth.callConditional('listClientOrders', { params: { clientId }, query: { page, pageSize }, ...(held ? { ifNoneMatch: held.etag } : {}) })
    if (result.notModified) {
      if (held) return held.page
      // A 304 for a copy we don't hold: ask again, unconditionally.
      return this.auth.call('listClientOrders', { params: { clientId }, query: { page, pageSize } })
    }
    if (result.etag) this.pages.set(key, { etag: result.etag, page: result.body })
    return result.body
  }

  /**
   * Every page of one client's orders: no more pages than `total` implies nor than the sync's
   * budget has left (shared by all clients), at most 4 requests at once, none after a short page.
   */
  private async allOrdersOf(clientId: string, budget: { pages: number }): Promise<PlatformOrder[]> {
    const pageSize = ORDERS_PAGE_SIZE_MAX
    budget.pages--
    const first = await this.fetchPage(clientId, 1, pageSize)
    if (first.items.length < pageSize) return first.items
    const claimed = Math.ceil(first.total / pageSize)
    const found: PlatformOrder[][] = [first.items]
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
        const { items } = await this.fetchPage(clientId, page, pageSize)
        found[page - 1] = items
        if (items.length < pageSize) lastPage = Math.min(lastPage, page)
      }
    }
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, claimed - 1) }, worker))
    if (lastPage < claimed) this.logger.warn('a client claims more orders than the app reads in one sync', { clientId, pagesRead: lastPage, pagesClaimed: claimed })
    return found.slice(0, lastPage).flat()
  }
}
