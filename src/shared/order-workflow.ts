import { ORDER_STATUS as S, type OrderStatusCode } from './order-status'

/**
 * The platform's order state machine (Order lifecycle & state machine, public docs). Where the docs
 * are silent the assumption is marked. The sandbox refuses anything not listed here with 409; the
 * app offers only the vendor actions whose transition is listed for the order's current status.
 */
export const TRANSITIONS: Readonly<Partial<Record<OrderStatusCode, readonly OrderStatusCode[]>>> = {
  [S.OrderUnassigned]: [S.OrderAssigned],
  [S.OrderAssigned]: [S.OrderAccepted, S.AcceptedWithConditions, S.OrderDeclined, S.OnHold, S.Cancelled],
  [S.OrderDeclined]: [S.OrderUnassigned],
  // Negotiation: the client accepts (→ 3) or either side counters again (4 → 4) until both agree.
  [S.AcceptedWithConditions]: [S.OrderAccepted, S.AcceptedWithConditions, S.OrderDeclined, S.OnHold, S.Cancelled],
  [S.OrderAccepted]: [S.InProgress, S.InspectionScheduled, S.OnHold, S.Cancelled],
  // Assumed: work in progress goes on to the inspection.
  [S.InProgress]: [S.InspectionScheduled, S.OnHold, S.Cancelled],
  // 14 → 14 is a reschedule (assumed; the docs say "pick a slot or set a time").
  [S.InspectionScheduled]: [S.InspectionScheduled, S.InspectionCompleted, S.OnHold, S.Cancelled],
  [S.InspectionCompleted]: [S.ReportSubmitted, S.OnHold, S.Cancelled],
  [S.ReportSubmitted]: [S.ReportAccepted, S.RevisionRequested, S.Rejected, S.OnHold, S.Cancelled],
  [S.RevisionRequested]: [S.ReportSubmitted, S.OnHold, S.Cancelled],
  // Assumed: a client revision, and an ROV, are answered with a new submission, like a QC revision.
  [S.RevisionRequestedByClient]: [S.ReportSubmitted, S.OnHold, S.Cancelled],
  [S.RovBorrower]: [S.ReportSubmitted],
  [S.RovClient]: [S.ReportSubmitted],
  [S.ReportAccepted]: [S.OrderCompleted, S.RevisionRequestedByClient, S.RovBorrower, S.RovClient],
  [S.OrderCompleted]: [S.RovBorrower, S.RovClient]
  // OnHold → the status it was held from (reactivation); Cancelled and Rejected are terminal.
}

export function canTransition(from: number, to: number): boolean {
  return (TRANSITIONS[from as OrderStatusCode] ?? []).includes(to as OrderStatusCode)
}

/** The vendor's actions, each one transition of the table above. */
export const VENDOR_ACTIONS = {
  accept: { label: 'Accept', to: S.OrderAccepted, from: [S.OrderAssigned] },
  acceptCounterOffer: { label: "Accept the client's terms", to: S.OrderAccepted, from: [S.AcceptedWithConditions] },
  counterOffer: { label: 'Counter-offer', to: S.AcceptedWithConditions, from: [S.OrderAssigned, S.AcceptedWithConditions] },
  decline: { label: 'Decline', to: S.OrderDeclined, from: [S.OrderAssigned, S.AcceptedWithConditions] },
  startWork: { label: 'Start work', to: S.InProgress, from: [S.OrderAccepted] },
  scheduleInspection: { label: 'Schedule inspection', to: S.InspectionScheduled, from: [S.OrderAccepted, S.InProgress] },
  rescheduleInspection: { label: 'Reschedule', to: S.InspectionScheduled, from: [S.InspectionScheduled] },
  completeInspection: { label: 'Mark inspection complete', to: S.InspectionCompleted, from: [S.InspectionScheduled] },
  uploadReport: {
    label: 'Upload report',
    to: S.ReportSubmitted,
    from: [S.InspectionCompleted, S.RevisionRequested, S.RevisionRequestedByClient, S.RovBorrower, S.RovClient]
  },
  cancel: {
    label: 'Cancel order',
    to: S.Cancelled,
    from: [S.OrderAccepted, S.InProgress, S.InspectionScheduled, S.InspectionCompleted, S.ReportSubmitted, S.RevisionRequested, S.RevisionRequestedByClient]
  }
} as const satisfies Record<string, { label: string; to: OrderStatusCode; from: readonly OrderStatusCode[] }>

export type VendorActionId = keyof typeof VENDOR_ACTIONS

/** Where the client stands on a counter-offer (status 4). */
export type NegotiationState = 'awaiting_client' | 'client_countered' | null

/** The vendor actions valid now. At status 4 the vendor can accept only a counter the client made. */
export function availableActions(statusCode: number, negotiation: NegotiationState = null): VendorActionId[] {
  return (Object.keys(VENDOR_ACTIONS) as VendorActionId[]).filter((id) => {
    const action = VENDOR_ACTIONS[id]
    if (!(action.from as readonly number[]).includes(statusCode)) return false
    if (!canTransition(statusCode, action.to)) return false
    if (id === 'acceptCounterOffer') return negotiation === 'client_countered'
    if (id === 'counterOffer' && statusCode === S.AcceptedWithConditions) return negotiation === 'client_countered'
    return true
  })
}

export const DECLINE_REASONS = [
  { id: 'too_busy', label: 'Too busy' },
  { id: 'out_of_coverage', label: 'Out of coverage area' },
  { id: 'other', label: 'Other' }
] as const
export type DeclineReason = (typeof DECLINE_REASONS)[number]['id']

export const CONDITION_TYPES = [
  { id: 'fee_increase', label: 'Fee increase' },
  { id: 'due_date_extension', label: 'Due-date extension' },
  { id: 'fee_and_due_date', label: 'Fee and due date' },
  { id: 'other', label: 'Other' }
] as const
export type ConditionType = (typeof CONDITION_TYPES)[number]['id']
