/** What an omnivms:// link does: open that order (after sign-in if need be) or the reset form. */
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import type { Logger, WindowPort } from '../ports'
import { linkShape, parseDeepLink, type DeepLink } from './deep-links'

export interface LinkHandlerDeps {
  logger: Logger
  window: WindowPort | null
  /** Signed in as an appraiser: orders can be looked up. */
  signedIn(): boolean
  /** The order with this number in the inbox (syncing first if needed), or null. */
  findOrder(orderNumber: string): Promise<OrderRef | null>
  openOrder(ref: OrderRef): void
  openResetPassword(email: string, code: string): void
  notice(text: string): void
}

/**
 * What an omnivms:// link does: show that order (after sign-in if needed) or the reset form.
 * A link arriving signed out waits for the sign-in; one for an order the account can't see says so.
 */
export class LinkHandler {
  private pending: Extract<DeepLink, { kind: 'order' }> | null = null

  constructor(private readonly deps: LinkHandlerDeps) {}

  /** Never rejects: a link is outside input, and whatever it holds ends here. */
  async open(raw: string): Promise<void> {
    try {
      await this.handle(raw)
    } catch (error) {
      this.deps.logger.warn('a link could not be opened', { link: linkShape(raw), error: error instanceof Error ? error.name : 'unknown' })
    }
  }

  private async handle(raw: string): Promise<void> {
    const link = parseDeepLink(raw)
    if (!link) {
      this.deps.logger.warn('ignored a link the app does not answer to', { link: linkShape(raw) })
      return
    }
    this.deps.window?.show()
    if (link.kind === 'resetPassword') {
      if (this.deps.signedIn()) this.deps.notice('This is a password-reset link. Sign out first, then open it again to set a new password.')
      else this.deps.openResetPassword(link.email, link.code)
      return
    }
    if (!this.deps.signedIn()) {
      this.pending = link
      this.deps.notice(`Sign in to open order ${link.orderNumber}.`)
      return
    }
    await this.openOrder(link.orderNumber)
  }

  /** After a sign-in: the order a link asked for while signed out. */
  async signedIn(): Promise<void> {
    const waiting = this.pending
    this.pending = null
    if (waiting) await this.openOrder(waiting.orderNumber)
  }

  private async openOrder(orderNumber: string): Promise<void> {
    const ref = await this.deps.findOrder(orderNumber).catch(() => null)
    if (ref) this.deps.openOrder(ref)
    else this.deps.notice(`Order ${orderNumber} isn't among your orders. It may belong to another appraiser or account, or it was reassigned.`)
  }
}
