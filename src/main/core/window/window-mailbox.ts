/**
 * What the app window is to show: a notice, an order to open — sent to the window that is open,
 * and kept for one that is still loading (or reopened from the tray), which takes each once.
 */
import type { EventPayload, IpcEventName } from '../../../shared/ipc/contract'
import type { OrderRef } from '../../../shared/ipc/order-schemas'

type Emit = <N extends IpcEventName>(name: N, payload: EventPayload<N>) => void

export class WindowMailbox {
  private notice: string | null
  private orderToOpen: OrderRef | null = null

  constructor(
    private readonly emit: Emit,
    initialNotice: string | null = null
  ) {
    this.notice = initialNotice
  }

  /** Shown now, and by the next window if none is open. */
  tell(text: string): void {
    this.notice = text
    this.emit('appNotice', text)
  }

  /** Shown by the next window only (e.g. one reloaded after a crash). */
  keepForNextWindow(text: string): void {
    this.notice = text
  }

  openOrder(ref: OrderRef): void {
    this.orderToOpen = ref
    this.emit('openOrder', ref)
  }

  takeNotice(): string | null {
    const notice = this.notice
    this.notice = null
    return notice
  }

  takeOrderToOpen(): OrderRef | null {
    const ref = this.orderToOpen
    this.orderToOpen = null
    return ref
  }
}
