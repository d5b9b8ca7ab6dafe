/** The sandbox platform's orders as each caller may see them: scoped by client and role, with their history and open revision. */
import type { PlatformHistoryEntry, PlatformOrder, PlatformOrderDetail } from '../platform/schemas'
import { ORDER_STATUS } from '../shared/order-workflow'
import { latestRevision } from '../shared/order-workflow'
import type { OrderMoves } from './apply-move'
import type { SandboxOrder, SandboxRevision, SandboxUser } from './model'
import { SandboxError } from './sandbox-error'
import type { SandboxState } from './state'

/** A client's response time when it has not set one (docs: "within the client's SLA"). */
export const DEFAULT_RESPONSE_MINUTES = 4 * 60

export interface NewAssignment {
  vendorEmail?: string
  clientId?: string
  street?: string
  fee?: number
  dueInDays?: number
  product?: string
  respondWithinMinutes?: number
}

export class SandboxOrders {
  constructor(
    private readonly state: SandboxState,
    private readonly moves: OrderMoves
  ) {}

  private get data() {
    return this.state.data
  }

  clientsOf(user: SandboxUser) {
    return this.data.clients.filter((c) => user.clientIds.includes(c.id))
  }

  /** 403 for a client the caller does not work for (client scope). */
  assertClientScope(user: SandboxUser, clientId: string): void {
    if (!user.clientIds.includes(clientId)) throw new SandboxError(403, 'forbidden', 'You do not have access to this client.')
  }

  list(user: SandboxUser, clientId: string, page: number, pageSize: number) {
    this.assertClientScope(user, clientId)
    const all = this.data.orders.filter((o) => o.clientId === clientId && this.visibleTo(user, o))
    const slice = all.slice((page - 1) * pageSize, page * pageSize)
    const ids = new Set(slice.map((o) => o.id))
    const revisions = this.data.revisions.filter((r) => ids.has(r.orderId))
    const items = slice.map((o) => toPlatformOrder(o, this.openRevision(o, revisions)))
    return { items, page, pageSize, total: all.length }
  }

  /** 404 for an order that does not exist or is not visible to this caller. */
  find(user: SandboxUser, clientId: string, loanId: string, orderId: string): SandboxOrder {
    this.assertClientScope(user, clientId)
    const order = this.data.orders.find((o) => o.id === orderId && o.clientId === clientId && o.loanId === loanId && this.visibleTo(user, o))
    if (!order) throw new SandboxError(404, 'not_found', 'Order not found.')
    return order
  }

  findById(orderId: string): SandboxOrder {
    const order = this.data.orders.find((o) => o.id === orderId)
    if (!order) throw new SandboxError(404, 'not_found', 'Order not found.')
    return order
  }

  detail(order: SandboxOrder): PlatformOrderDetail {
    const { vendorId: _vendorId, statusBeforeHold: _held, ...detail } = order
    return { ...structuredClone(detail), latestRevision: this.openRevision(order) }
  }

  /** The revision request (or ROV) an order is waiting on, as the workflow decides it. */
  openRevision(order: SandboxOrder, revisions: readonly SandboxRevision[] = this.data.revisions) {
    const open = latestRevision(
      order.status,
      revisions.filter((r) => r.orderId === order.id).map((r) => ({ ...r, answered: r.answeredBySubmissionId !== null }))
    )
    return open ? { type: open.type, reason: open.reason, requestedAt: open.requestedAt } : null
  }

  vendorHistory(order: SandboxOrder): PlatformHistoryEntry[] {
    return this.data.history
      .filter((h) => h.orderId === order.id && h.vendorVisible)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ orderId: _orderId, vendorVisible: _visible, ...entry }) => structuredClone(entry))
  }

  /** A new order, assigned by Operations to a vendor (the table's "assign" event), with its response deadline. */
  assign(input: NewAssignment): SandboxOrder {
    const vendor = this.data.users.find((u) => u.email.toLowerCase() === (input.vendorEmail ?? this.data.users[0]?.email ?? '').toLowerCase())
    if (!vendor) throw new SandboxError(404, 'not_found', 'No such vendor.')
    const clientId = input.clientId ?? vendor.clientIds[0]
    if (!clientId || !vendor.clientIds.includes(clientId)) throw new SandboxError(422, 'invalid_client', 'The vendor does not work for that client.')
    const template = this.data.orders.find((o) => o.vendorId === vendor.id) ?? this.data.orders[0]
    if (!template) throw new SandboxError(500, 'no_template', 'The sandbox has no orders to model a new one on.')
    const serial = 10001 + this.data.orders.length
    const now = new Date(this.state.now())
    const client = this.data.clients.find((c) => c.id === clientId)
    const respondWithin = (input.respondWithinMinutes ?? client?.responseTimeMinutes ?? DEFAULT_RESPONSE_MINUTES) * 60_000
    const order: SandboxOrder = {
      ...structuredClone(template),
      id: `ord-${serial}`,
      vendorId: vendor.id,
      clientId,
      loanId: `ln-${serial + 40000}`,
      orderNumber: `OV-2026-${serial}`,
      loanNumber: String(4100000000 + serial * 7919),
      status: ORDER_STATUS.OrderUnassigned,
      statusBeforeHold: null,
      product: input.product ?? '1004 URAR',
      fee: input.fee ?? 550,
      dueDate: new Date(now.getTime() + (input.dueInDays ?? 7) * 86_400_000).toISOString(),
      rush: false,
      propertyAddress: { ...template.propertyAddress, street: input.street ?? `${100 + (serial % 9000)} Assignment Ave` },
      assignedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      negotiation: null,
      inspection: null,
      respondBy: new Date(now.getTime() + respondWithin).toISOString()
    }
    this.data.orders.push(order)
    this.moves.applyEvent('assign', order)
    return order
  }

  /** A vendor sees the orders assigned to them; a Client User every order of their client. */
  private visibleTo(user: SandboxUser, order: SandboxOrder): boolean {
    return user.role === 'Vendor' ? order.vendorId === user.id : user.clientIds.includes(order.clientId)
  }
}

function toPlatformOrder(order: SandboxOrder, latest: PlatformOrder['latestRevision']): PlatformOrder {
  return {
    latestRevision: latest,
    id: order.id,
    clientId: order.clientId,
    loanId: order.loanId,
    orderNumber: order.orderNumber,
    loanNumber: order.loanNumber,
    status: order.status,
    product: order.product,
    fee: order.fee,
    currency: order.currency,
    dueDate: order.dueDate,
    rush: order.rush,
    propertyAddress: { ...order.propertyAddress },
    borrowerName: order.borrowerName,
    assignedAt: order.assignedAt,
    updatedAt: order.updatedAt,
    respondBy: order.respondBy ?? null,
    appointmentAt: order.inspection && !order.inspection.completedAt ? (order.inspection.scheduledAt ?? null) : null
  }
}
