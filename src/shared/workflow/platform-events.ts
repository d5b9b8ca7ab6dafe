/**
 * What happens to an order on the platform's side — the client, QC, the borrower, the platform
 * itself — declared once like the vendor's actions: where each event applies, where it leads, who
 * records it, the history text, the reason it needs, and its effects. The sandbox applies them
 * through this table; its seeded histories are written from it.
 */
import { ORDER_STATUS as S, type OrderStatusCode } from './status-codes'
import type { Effect } from './effects'
import { STATUS_SETS } from './status-sets'
import type { TransitionActor } from './transitions'
import { UPLOAD_REPORT, VENDOR_ACTIONS, actionHistory, type NegotiationCondition, type StatusActionId } from './vendor-actions'

export interface PlatformEventSpec {
  from: readonly OrderStatusCode[]
  /** Where it leads: a status, back to where a hold began ('heldFrom'), or nowhere (a record only). */
  to: OrderStatusCode | 'heldFrom' | null
  by: TransitionActor
  channel: string
  history: string
  /** A reason it must be given (refused with this message without one), or the one it always records. */
  reason?: { required: string } | { fixed: string }
  when?: NegotiationCondition
  /** It happens once per order; a second time is refused with this message. */
  once?: string
  effects: readonly Effect[]
}

const awaitingClient: NegotiationCondition = { allows: (n) => n === 'awaiting_client', otherwise: 'This order has no counter-offer waiting for the client.' }

export const PLATFORM_EVENTS = {
  assign: { from: [S.OrderUnassigned], to: S.OrderAssigned, by: 'Operations', channel: 'Admin portal', history: 'Order assigned to vendor', effects: [] },
  expireAssignment: {
    from: [S.OrderAssigned],
    to: S.OrderUnassigned,
    by: 'System',
    channel: 'Platform',
    history: 'Returned for reassignment',
    reason: { fixed: 'No response within the response time' },
    effects: []
  },
  returnDeclined: { from: [S.OrderDeclined], to: S.OrderUnassigned, by: 'System', channel: 'Platform', history: 'Returned for reassignment', effects: [] },
  clientAcceptsTerms: {
    from: [S.AcceptedWithConditions],
    to: S.OrderAccepted,
    by: 'Client User',
    channel: 'Client portal',
    history: "Client accepted the vendor's conditions",
    when: awaitingClient,
    effects: ['takeVendorTerms']
  },
  clientCounters: {
    from: [S.AcceptedWithConditions],
    to: S.AcceptedWithConditions,
    by: 'Client User',
    channel: 'Client portal',
    history: 'Client countered',
    when: awaitingClient,
    effects: ['recordClientCounter']
  },
  clientCancels: {
    from: [...STATUS_SETS.active, S.OnHold],
    to: S.Cancelled,
    by: 'Client User',
    channel: 'Client portal',
    history: 'Order cancelled by client',
    reason: { required: 'A cancellation needs a reason.' },
    effects: ['forgetHeldFrom']
  },
  hold: { from: STATUS_SETS.active, to: S.OnHold, by: 'Client User', channel: 'Client portal', history: 'Order put on hold', reason: { required: 'A hold needs a reason.' }, effects: ['rememberHeldFrom'] },
  resume: { from: [S.OnHold], to: 'heldFrom', by: 'Client User', channel: 'Client portal', history: 'Order reactivated', effects: ['forgetHeldFrom'] },
  qcAccept: { from: [S.ReportSubmitted], to: S.ReportAccepted, by: 'QC Reviewer', channel: 'Admin portal', history: 'Report accepted', effects: [] },
  qcRevision: {
    from: [S.ReportSubmitted],
    to: S.RevisionRequested,
    by: 'QC Reviewer',
    channel: 'Admin portal',
    history: 'Revision requested',
    reason: { required: 'A revision needs a reason.' },
    effects: ['openRevision']
  },
  qcReject: { from: [S.ReportSubmitted], to: S.Rejected, by: 'QC Reviewer', channel: 'Admin portal', history: 'Report rejected', reason: { required: 'A rejection needs a reason.' }, effects: [] },
  deliver: {
    from: [S.ReportAccepted],
    to: null,
    by: 'Client User',
    channel: 'Client portal',
    history: 'Report delivered to the lender',
    once: 'This order was already delivered.',
    effects: ['invoice']
  },
  complete: { from: [S.ReportAccepted], to: S.OrderCompleted, by: 'System', channel: 'Platform', history: 'Order completed', effects: [] },
  clientRevision: {
    from: [S.ReportAccepted],
    to: S.RevisionRequestedByClient,
    by: 'Client User',
    channel: 'Client portal',
    history: 'Revision requested by client',
    reason: { required: 'A revision needs a reason.' },
    effects: ['openRevision']
  },
  rovBorrower: {
    from: [S.ReportAccepted],
    to: S.RovBorrower,
    by: 'Borrower',
    channel: 'Borrower link',
    history: 'Reconsideration of value requested by borrower',
    reason: { required: 'A reconsideration of value needs a reason.' },
    effects: ['openReconsideration']
  },
  rovClient: {
    from: [S.ReportAccepted],
    to: S.RovClient,
    by: 'Client User',
    channel: 'Client portal',
    history: 'Reconsideration of value requested by client',
    reason: { required: 'A reconsideration of value needs a reason.' },
    effects: ['openReconsideration']
  }
} as const satisfies Record<string, PlatformEventSpec>

export type PlatformEventId = keyof typeof PLATFORM_EVENTS

export const platformEvent = (id: PlatformEventId): PlatformEventSpec => PLATFORM_EVENTS[id]

/** A move of the state machine as its history records it: who made it, where, and the text. */
export interface RecordedMove {
  by: TransitionActor
  channel: string
  history: string
}

/**
 * The vendor action or platform event that makes the move `from` → `to`, as its history records it.
 * Every transition of the table has one (a test holds the two tables together).
 */
export function moveFor(from: number, to: number): RecordedMove | null {
  const action = (Object.keys(VENDOR_ACTIONS) as StatusActionId[]).find((id) => VENDOR_ACTIONS[id].to === to && (VENDOR_ACTIONS[id].from as readonly number[]).includes(from))
  if (action) return { by: 'Vendor', channel: 'Vendor portal', history: actionHistory(action, from) }
  if (UPLOAD_REPORT.to === to && (UPLOAD_REPORT.from as readonly number[]).includes(from)) return { by: 'Vendor', channel: 'Vendor portal', history: actionHistory('uploadReport', from) }
  const event = (Object.values(PLATFORM_EVENTS) as PlatformEventSpec[]).find((e) => e.to === to && (e.from as readonly number[]).includes(from))
  return event ? { by: event.by, channel: event.channel, history: event.history } : null
}
