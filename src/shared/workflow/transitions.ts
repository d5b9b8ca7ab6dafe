import { ORDER_STATUS as S, type OrderStatusCode } from '../order-status'
import { STATUS_SETS } from './status-sets'

/** Who moves an order along a transition; recorded in its history with the docs' role names. */
export type TransitionActor = 'Vendor' | 'Client User' | 'QC Reviewer' | 'Operations' | 'Borrower' | 'System'

export interface Transition {
  from: OrderStatusCode
  to: OrderStatusCode
  by: TransitionActor
  /** What the history record says. */
  history: string
  /** 'documented': in the platform's public docs (Order lifecycle & state machine). */
  source: 'documented' | 'assumed'
  /** Why an assumed transition is in the table. */
  why?: string
}

const t = (from: OrderStatusCode, to: OrderStatusCode, by: TransitionActor, history: string, why?: string): Transition => ({
  from,
  to,
  by,
  history,
  source: why ? 'assumed' : 'documented',
  ...(why ? { why } : {})
})

/**
 * The platform's order state machine (public docs, "Order lifecycle & state machine"). Every entry
 * is documented or marked assumed with its reason. The sandbox refuses anything else with 409;
 * the app offers only vendor actions whose transition is here. On Hold returns to the status it
 * was held from (documented: "reactivate → previous flow"); that one is not a fixed pair.
 */
export const TRANSITIONS: readonly Transition[] = [
  t(S.OrderUnassigned, S.OrderAssigned, 'Operations', 'Order assigned to vendor'),
  t(S.OrderAssigned, S.OrderAccepted, 'Vendor', 'Order accepted'),
  t(S.OrderAssigned, S.AcceptedWithConditions, 'Vendor', 'Accepted with conditions'),
  t(S.OrderAssigned, S.OrderDeclined, 'Vendor', 'Order declined'),
  t(S.OrderDeclined, S.OrderUnassigned, 'System', 'Returned for reassignment'),
  t(S.OrderAssigned, S.OrderUnassigned, 'System', 'No response within the response time', 'the docs say an unanswered assignment is lost to reassignment when the SLA passes'),
  t(S.AcceptedWithConditions, S.OrderAccepted, 'Client User', "Client accepted the vendor's conditions"),
  t(S.AcceptedWithConditions, S.AcceptedWithConditions, 'Client User', 'Client countered'),
  t(S.AcceptedWithConditions, S.OrderDeclined, 'Vendor', 'Order declined', 'a vendor may still decline while the terms are negotiated, as in the portals appraisers use'),
  t(S.OrderAccepted, S.InProgress, 'Vendor', 'Work started'),
  t(S.OrderAccepted, S.InspectionScheduled, 'Vendor', 'Inspection scheduled'),
  t(S.InProgress, S.InspectionScheduled, 'Vendor', 'Inspection scheduled', 'work in progress goes on to the inspection; the docs list In Progress without its next step'),
  t(S.InspectionScheduled, S.InspectionScheduled, 'Vendor', 'Inspection rescheduled', 'the docs say "pick a slot or set a time"; a changed appointment keeps the status'),
  t(S.InspectionScheduled, S.InspectionCompleted, 'Vendor', 'Inspection completed'),
  t(S.InspectionCompleted, S.ReportSubmitted, 'Vendor', 'Report submitted'),
  t(S.ReportSubmitted, S.ReportAccepted, 'QC Reviewer', 'Report accepted'),
  t(S.ReportSubmitted, S.RevisionRequested, 'QC Reviewer', 'Revision requested'),
  t(S.ReportSubmitted, S.Rejected, 'QC Reviewer', 'Report rejected', 'status 7 (Rejected) exists in the docs without a transition; QC rejecting a report is the one that fits'),
  t(S.RevisionRequested, S.ReportSubmitted, 'Vendor', 'Report submitted'),
  t(S.ReportAccepted, S.OrderCompleted, 'Client User', 'Order completed'),
  t(S.ReportAccepted, S.RevisionRequestedByClient, 'Client User', 'Revision requested by client', 'the docs name client-initiated revisions (20) after QC without their from-state'),
  t(S.ReportAccepted, S.RovBorrower, 'Borrower', 'Reconsideration of value requested by borrower', 'the docs name ROV (17/18) after QC without their from-state'),
  t(S.ReportAccepted, S.RovClient, 'Client User', 'Reconsideration of value requested by client', 'the docs name ROV (17/18) after QC without their from-state'),
  t(S.OrderCompleted, S.RovBorrower, 'Borrower', 'Reconsideration of value requested by borrower', 'an ROV often comes after delivery, when the borrower or lender sees the value'),
  t(S.OrderCompleted, S.RovClient, 'Client User', 'Reconsideration of value requested by client', 'an ROV often comes after delivery, when the borrower or lender sees the value'),
  t(S.RevisionRequestedByClient, S.ReportSubmitted, 'Vendor', 'Report submitted', 'a client revision is answered like a QC revision: with a new submission'),
  t(S.RovBorrower, S.ReportSubmitted, 'Vendor', 'ROV answered with a revised report', 'an ROV is answered with a new submission, like a revision'),
  t(S.RovClient, S.ReportSubmitted, 'Vendor', 'ROV answered with a revised report', 'an ROV is answered with a new submission, like a revision'),
  // "any active state → OnHold" and "any active state → Cancelled" (documented).
  ...STATUS_SETS.active.map((from) => t(from, S.OnHold, 'Client User', 'Order put on hold')),
  ...[...STATUS_SETS.active, S.OnHold].map((from) => t(from, S.Cancelled, 'Vendor', 'Order cancelled'))
]

export function findTransition(from: number, to: number): Transition | undefined {
  return TRANSITIONS.find((x) => x.from === from && x.to === to)
}

/** Whether the state machine allows it; leaving On Hold is allowed only back to where it was held from. */
export function canTransition(from: number, to: number, heldFrom: number | null = null): boolean {
  if (from === S.OnHold && to !== S.Cancelled) return heldFrom !== null && to === heldFrom
  return findTransition(from, to) !== undefined
}
