import { ORDERS_PAGE_SIZE_MAX } from '../../../platform/endpoints'
import type { MeResponse, PlatformOrder, PlatformOrderPage } from '../../../platform/schemas'
import type { Inbox, OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import type { AuthSession } from '../session/auth-session'
import { toAppError } from '../platform/to-app-error'
import type { Logger } from '../ports'
import { toOrderDetail, toOrderSummary } from './order-mapping'

export const MAX_PAGES_PER_CLIENT = 200
export const PAGE_CONCURRENCY = 4

/** Reads the vendor's orders across every client they work for. */
export class InboxService {
  /** The pages last read, with their ETags: an unchanged page costs a 304 and no parsing. */
  private readonly pages = new Map<string, { etag: string; page: PlatformOrderPage; auth: AuthSession }>()

  constructor(
    private readonly auth: () => AuthSession,
    private readonly logger: Logger
  ) {}

  /** Forgets the pages read (sign-out, another account). */
  forget(): void {
    this.pages.clear()
  }

  private async fetchPage(auth: AuthSession, clientId: string, page: number, pageSize: number): Promise<PlatformOrderPage> {
    const key = `${clientId}:${page}:${pageSize}`
    const cached = this.pages.get(key)
    const held = cached && cached.auth === auth ? cached : undefined
    const result = await auth.callConditional('listClientOrders', { params: { clientId }, query: { page, pageSize }, ...(held ? { ifNoneMatch: held.etag } : {}) })
    if (result.notModified) {
      if (held) return held.page
      // A 304 for a copy we don't hold: ask again, unconditionally.
      return auth.call('listClientOrders', { params: { clientId }, query: { page, pageSize } })
    }
    if (result.etag) this.pages.set(key, { etag: result.etag, page: result.body, auth })
    return result.body
  }

  async list(): Promise<Inbox> {
    const auth = this.auth()
    const me = await this.me(auth)
    // One request per client, in parallel; a failing client does not hide the others.
    const settled = await Promise.allSettled(me.clients.map((client) => this.allOrdersOf(auth, client.id)))
    const orders = []
    const failures = []
    for (const [index, result] of settled.entries()) {
      const client = me.clients[index] as MeResponse['clients'][number]
      if (result.status === 'fulfilled') orders.push(...result.value.map((o) => toOrderSummary(o, client.name)))
      else {
        const error = toAppError(result.reason)
        this.logger.warn('could not load a client’s orders', { clientId: client.id, code: error.code })
        failures.push({ clientId: client.id, clientName: client.name, message: error.message })
      }
    }
    if (me.clients.length > 0 && failures.length === me.clients.length) {
      throw toAppError((settled[0] as PromiseRejectedResult).reason)
    }
    return { orders, clients: me.clients, failures, fetchedAt: new Date().toISOString(), offlineSince: null }
  }

  async get(ref: OrderRef): Promise<OrderDetail> {
    const auth = this.auth()
    const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
    try {
      const [me, detail, history, revisions, submissions, documents] = await Promise.all([
        this.me(auth),
        auth.call('getOrder', { params }),
        auth.call('getVendorHistory', { params }),
        auth.call('listRevisions', { params }),
        auth.call('listSubmissions', { params }),
        auth.call('listDocuments', { params })
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

  private async me(auth: AuthSession): Promise<MeResponse> {
    try {
      return await auth.call('me')
    } catch (error) {
      throw toAppError(error)
    }
  }

  /**
   * Every page of one client's orders: no more pages than `total` implies (at most 200 — a claim
   * of millions costs nothing), at most 4 requests at once, and none after a short page.
   */
  private async allOrdersOf(auth: AuthSession, clientId: string): Promise<PlatformOrder[]> {
    const pageSize = ORDERS_PAGE_SIZE_MAX
    const fetchPage = (page: number) => this.fetchPage(auth, clientId, page, pageSize)
    const first = await fetchPage(1)
    if (first.items.length < pageSize) return first.items
    const pages = Math.min(Math.ceil(first.total / pageSize), MAX_PAGES_PER_CLIENT)
    const found: PlatformOrder[][] = [first.items]
    let next = 2
    let lastPage = pages
    const worker = async () => {
      while (next <= lastPage) {
        const page = next++
        const { items } = await fetchPage(page)
        found[page - 1] = items
        if (items.length < pageSize) lastPage = Math.min(lastPage, page)
      }
    }
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, pages - 1) }, worker))
    if (pages === MAX_PAGES_PER_CLIENT && first.total > pages * pageSize) this.logger.warn('a client claims more orders than the app reads', { clientId, total: first.total })
    return found.slice(0, lastPage).flat()
  }
}
