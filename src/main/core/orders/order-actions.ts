/** The vendor's status changes, each reconciled against the order's history when its outcome is unclear. */
import type { OrderAction, OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { statusName } from '../../../shared/order-workflow'
import { VENDOR_ACTIONS, isAppliedRecord, toStatusRequest } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import type { Logger } from '../ports'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import type { InboxService } from './inbox-service'
import { performReconciledWrite } from './reconciled-write'

export interface PerformResult {
  order: OrderDetail
  confirmedFromHistory: boolean
}

/** The vendor's status changes, each reconciled against the order's history when its outcome is unclear. */
export class OrderActions {
  constructor(
    private readonly auth: AuthorizedPlatform,
    private readonly inbox: InboxService,
    private readonly logger: Logger
  ) {}

  /**
   * `seen`: the ids of the order's history as the caller just read it (a queued action's sender has):
   * the write's baseline, so the history is not read again before sending.
   */
  async perform(ref: OrderRef, action: OrderAction, seen?: ReadonlySet<string>): Promise<PerformResult> {
    const auth = this.auth
    const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
    const body = toStatusRequest(action)
    const history = async () => (await auth.call('getVendorHistory', { params })).items
    try {
      const { confirmedFromHistory } = await performReconciledWrite(
        {
          describe: `${action.type} ${ref.orderId}`,
          baseline: async () => seen ?? new Set((await history()).map((h) => h.id)),
          send: async () => {
            await auth.call('updateOrderStatus', { params, body })
            return true
          },
          findApplied: async (before) => {
            const mine = (await history()).some((h) => !before.has(h.id) && isAppliedRecord(action, { status: h.status, actorRole: h.actor.role, changes: h.changes ?? null }))
            return mine ? true : null
          }
        },
        this.logger
      )
      return { order: await this.inbox.get(ref), confirmedFromHistory }
    } catch (error) {
      throw await this.explain(error, ref, action)
    }
  }

  /** 409: say what the order is now. 403/404: it is no longer the vendor's. */
  private async explain(error: unknown, ref: OrderRef, action: OrderAction): Promise<unknown> {
    if (!(error instanceof AppError)) return error
    if (error.code === 'conflict') {
      try {
        const current = await this.inbox.get(ref)
        const what = VENDOR_ACTIONS[action.type].label
        return new AppError('conflict', `This order changed in the meantime: it is now ${statusName(current.statusCode)}, so “${what}” no longer applies. The current state is shown.`)
      } catch {
        return error
      }
    }
    if (error.code === 'forbidden' || error.code === 'not_found') {
      return new AppError('not_found', 'This order is no longer available to you. It may have been reassigned or cancelled by the client.')
    }
    return error
  }
}
