/** The platform's order shapes turned into the app's: summaries, details, history records. */
import type { z } from 'zod'
import type { DocumentListSchema, PlatformHistoryEntry, PlatformOrder, PlatformOrderDetail, RevisionListSchema, SubmissionListSchema } from '../../../platform/schemas'
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
    updatedAt: order.updatedAt,
    respondBy: order.respondBy ?? null,
    latestRevision: order.latestRevision ?? null,
    appointmentAt: order.appointmentAt ?? null
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
    reason: entry.reason ?? null,
    changes: entry.changes ?? null
  }
}

export interface OrderExtras {
  history: PlatformHistoryEntry[]
  revisions: z.infer<typeof RevisionListSchema>['items']
  submissions: z.infer<typeof SubmissionListSchema>['items']
  documents: z.infer<typeof DocumentListSchema>['items']
}

export function toOrderDetail(order: PlatformOrderDetail, clientName: string, extras: OrderExtras): OrderDetail {
  const { history } = extras
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
    // Newest first; records made at the same moment keep the platform's order (then reversed).
    history: history
      .map(toHistoryEntry)
      .sort((a, b) => a.at.localeCompare(b.at))
      .reverse(),
    negotiation: order.negotiation ?? null,
    inspection: { scheduledAt: order.inspection?.scheduledAt ?? null, completedAt: order.inspection?.completedAt ?? null },
    revisions: extras.revisions
      .map((r) => ({
        id: r.id,
        // A platform that does not say: a borrower's request can only be a reconsideration of value.
        kind: r.kind ?? (r.source === 'borrower' ? ('rov' as const) : ('revision' as const)),
        type: r.type,
        reason: r.reason,
        requestedAt: r.requestedAt,
        requestedBy: r.requestedBy,
        source: r.source,
        answered: Boolean(r.answeredBySubmissionId)
      }))
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)),
    submissions: extras.submissions
      .map((s) => ({
        id: s.id,
        version: s.version,
        status: s.status,
        createdAt: s.createdAt,
        submittedAt: s.submittedAt ?? null,
        files: s.files.map((f) => ({ name: f.name, size: f.size, contentType: f.contentType }))
      }))
      .sort((a, b) => b.version - a.version),
    documents: extras.documents,
    pendingActions: [],
    savedAt: null
  }
}
