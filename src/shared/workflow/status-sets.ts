/** Named sets of statuses: the only lists of status codes there are. */
import { ORDER_STATUS as S, type OrderStatusCode } from './status-codes'

/**
 * Named sets of statuses. Code anywhere that asks "is this order closed / in revision / waiting
 * for an answer" uses these by name; no other list of codes exists.
 */
export const STATUS_SETS = {
  /** The vendor's answer is awaited: a new assignment, or a negotiation in progress. */
  awaiting: [S.OrderAssigned, S.AcceptedWithConditions],
  /** Accepted and being worked, before the inspection. */
  working: [S.OrderAccepted, S.InProgress],
  inspection: [S.InspectionScheduled, S.InspectionCompleted],
  /** A report waits for QC. */
  inQc: [S.ReportSubmitted],
  /** A report is asked for again after QC or by the client. */
  revision: [S.RevisionRequested, S.RevisionRequestedByClient],
  /** Reconsideration of value: its own cycle, from the borrower or the client. */
  rov: [S.RovBorrower, S.RovClient],
  /** The vendor's work is accepted or done. */
  done: [S.ReportAccepted, S.OrderCompleted],
  onHold: [S.OnHold],
  /** "Active" in the platform's docs: an order may be put on hold or cancelled from each. */
  active: [
    S.OrderUnassigned,
    S.OrderAssigned,
    S.OrderAccepted,
    S.AcceptedWithConditions,
    S.InProgress,
    S.InspectionScheduled,
    S.InspectionCompleted,
    S.ReportSubmitted,
    S.RevisionRequested,
    S.ReportAccepted,
    S.RevisionRequestedByClient,
    S.RovBorrower,
    S.RovClient
  ],
  /** Nothing more for this vendor: declined, completed, rejected, cancelled, or back for reassignment. */
  closed: [S.OrderDeclined, S.OrderCompleted, S.Rejected, S.Cancelled, S.OrderUnassigned],
  /** A report answers these: the first one, a revision, or an ROV. */
  takesReport: [S.InspectionCompleted, S.RevisionRequested, S.RevisionRequestedByClient, S.RovBorrower, S.RovClient]
} as const satisfies Record<string, readonly OrderStatusCode[]>

export type StatusSetName = keyof typeof STATUS_SETS

export function inSet(set: StatusSetName, code: number): boolean {
  return (STATUS_SETS[set] as readonly number[]).includes(code)
}
