import type { PlatformHistoryEntry, PlatformOrder, PlatformOrderDetail } from '../../../platform/schemas'
import type { HistoryEntry, OrderDetail, OrderSummary } from '../../../shared/ipc/order-schemas'

export function toOrderSummary(order: PlatformOrder, clientName: string): OrderSummary {
  return {
    clientId: order.clientId,
    loanId: order.loanId,
    orderId: order.id,
    clientName,
    orderNumber: order.orderNumber,
    loanNumber: order.loanNumber,
    statusCode: order.status,
    product: order.product,
    fee: { amount: order.fee, currency: order.currency },
    dueDate: order.dueDate,
    rush: order.rush,
    address: {
      line1: order.propertyAddress.street,
      city: order.propertyAddress.city,
      state: order.propertyAddress.state,
      zip: order.propertyAddress.zip
    },
    borrowerName: order.borrowerName,
    assignedAt: order.assignedAt,
    updatedAt: order.updatedAt
  }
}

export function toHistoryEntry(entry: PlatformHistoryEntry): HistoryEntry {
  return {
    id: entry.id,
    at: entry.at,
    statusCode: entry.status ?? null,
    previousStatusCode: entry.previousStatus ?? null,
    action: entry.action,
    actorName: entry.actor.name,
    actorRole: entry.actor.role,
    channel: entry.channel ?? null,
    reason: entry.reason ?? null
  }
}

export function toOrderDetail(order: PlatformOrderDetail, clientName: string, history: PlatformHistoryEntry[]): OrderDetail {
  return {
    ...toOrderSummary(order, clientName),
    loan: { type: order.loanType, purpose: order.loanPurpose, fhaCaseNumber: order.fhaCaseNumber ?? null },
    property: {
      type: order.property.type,
      county: order.propertyAddress.county ?? null,
      yearBuilt: order.property.yearBuilt ?? null,
      livingAreaSqFt: order.property.livingAreaSqFt ?? null,
      bedrooms: order.property.bedrooms ?? null,
      bathrooms: order.property.bathrooms ?? null
    },
    contacts: order.contacts.map((c) => ({ role: c.role, name: c.name, phone: c.phone ?? null, email: c.email ?? null })),
    instructions: order.instructions,
    history: history.map(toHistoryEntry).sort((a, b) => b.at.localeCompare(a.at))
  }
}
