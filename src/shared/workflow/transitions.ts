/**
 * The platform's order state machine (public docs, "Order lifecycle & state machine"): which moves
 * exist, who makes them, whether the docs say so — and which of them the appraiser is told of.
 * What each move records and does is the action's or event's that makes it (vendor-actions.ts,
 * platform-events.ts).
 */
import { ORDER_STATUS as S, type OrderStatusCode } from './status-codes'
import type { NotifiedChange } from './notifications'
import { STATUS_SETS } from './status-sets'

/** Who moves an order along a transition; recorded in its history with the docs' role names. */
export type TransitionActor = 'Vendor' | 'Client User' | 'QC Reviewer' | 'Operations' | 'Borrower' | 'System'

export interface Transition {
  from: OrderStatusCode
  to: OrderStatusCode
  by: TransitionActor
  /** 'documented': in the platform's public docs (Order lifecycle & state machine). */
  source: 'documented' | 'assumed'
  /** Why an assumed transition is in the table. */
  why?: string
  /** Made by someone else, this move is news to the appraiser: the notification it raises. */
  notify?: NotifiedChange
}

const t = (from: OrderStatusCode, to: OrderStatusCode, by: TransitionActor, options: { why?: string; notify?: NotifiedChange } = {}): Transition => ({
  from,
  to,
  by,
  source: options.why ? 'assumed' : 'documented',
  ...options
})

/**
 * Every entry is documented or marked assumed with its reason. The sandbox refuses anything else
 * with 409; the app offers only vendor actions whose transition is here. On Hold returns to the
 * status it was held from (documented: "reactivate → previous flow"); that one is not a fixed pair.
 *
 * Not here, on purpose: an ROV after completion (6 → 17/18). The docs say completion closes the
 * order's audit trail (delivered, submitted, paid), so nothing more is recorded on it; an ROV comes
 * while the accepted report is with the client (13), and a later one is a new order.
 */
export const TRANSITIONS: readonly Transition[] = [
  t(S.OrderUnassigned, S.OrderAssigned, 'Operations', { notify: 'newAssignment' }),
  t(S.OrderAssigned, S.OrderAccepted, 'Vendor'),
  t(S.OrderAssigned, S.AcceptedWithConditions, 'Vendor'),
  t(S.OrderAssigned, S.OrderDeclined, 'Vendor'),
  t(S.OrderDeclined, S.OrderUnassigned, 'System'),
  // The Assign page: an assignment not answered within the client's SLA goes back for reassignment.
  t(S.OrderAssigned, S.OrderUnassigned, 'System', { notify: 'reassignedForNoResponse' }),
  t(S.AcceptedWithConditions, S.OrderAccepted, 'Client User', { notify: 'clientAcceptedTerms' }),
  t(S.AcceptedWithConditions, S.AcceptedWithConditions, 'Client User', { notify: 'clientCountered' }),
  t(S.AcceptedWithConditions, S.OrderDeclined, 'Vendor', { why: 'a vendor may still decline while the terms are negotiated, as in the portals appraisers use' }),
  t(S.OrderAccepted, S.InProgress, 'Vendor'),
  t(S.OrderAccepted, S.InspectionScheduled, 'Vendor'),
  t(S.InProgress, S.InspectionScheduled, 'Vendor', { why: 'work in progress goes on to the inspection; the docs list In Progress without its next step' }),
  t(S.InspectionScheduled, S.InspectionScheduled, 'Vendor', { why: 'the docs say "pick a slot or set a time"; a changed appointment keeps the status' }),
  t(S.InspectionScheduled, S.InspectionCompleted, 'Vendor'),
  t(S.InspectionCompleted, S.ReportSubmitted, 'Vendor'),
  t(S.ReportSubmitted, S.ReportAccepted, 'QC Reviewer'),
  t(S.ReportSubmitted, S.RevisionRequested, 'QC Reviewer', { notify: 'revisionRequested' }),
  t(S.ReportSubmitted, S.Rejected, 'QC Reviewer', { why: 'status 7 (Rejected) exists in the docs without a transition; QC rejecting a report is the one that fits' }),
  t(S.RevisionRequested, S.ReportSubmitted, 'Vendor'),
  // Completion is the platform's own step once delivery (and payment) are done.
  t(S.ReportAccepted, S.OrderCompleted, 'System'),
  t(S.ReportAccepted, S.RevisionRequestedByClient, 'Client User', { why: 'the docs name client-initiated revisions (20) after QC without their from-state', notify: 'revisionRequested' }),
  t(S.ReportAccepted, S.RovBorrower, 'Borrower', { why: 'the docs name ROV (17/18) after QC without their from-state', notify: 'reconsiderationRequested' }),
  t(S.ReportAccepted, S.RovClient, 'Client User', { why: 'the docs name ROV (17/18) after QC without their from-state', notify: 'reconsiderationRequested' }),
  t(S.RevisionRequestedByClient, S.ReportSubmitted, 'Vendor', { why: 'a client revision is answered like a QC revision: with a new submission' }),
  t(S.RovBorrower, S.ReportSubmitted, 'Vendor', { why: 'an ROV is answered with a new submission, like a revision' }),
  t(S.RovClient, S.ReportSubmitted, 'Vendor', { why: 'an ROV is answered with a new submission, like a revision' }),
  // "any active state → OnHold" and "any active state → Cancelled" (documented).
  ...STATUS_SETS.active.map((from) => t(from, S.OnHold, 'Client User', { notify: 'putOnHold' })),
  ...[...STATUS_SETS.active, S.OnHold].map((from) => t(from, S.Cancelled, 'Vendor', { notify: 'cancelled' }))
]

export function findTransition(from: number, to: number): Transition | undefined {
  return TRANSITIONS.find((x) => x.from === from && x.to === to)
}

/** Whether the state machine allows it; leaving On Hold is allowed only back to where it was held from. */
export function canTransition(from: number, to: number, heldFrom: number | null = null): boolean {
  if (from === S.OnHold && to !== S.Cancelled) return heldFrom !== null && to === heldFrom
  return findTransition(from, to) !== undefined
}
