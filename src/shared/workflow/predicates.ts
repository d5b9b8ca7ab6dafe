/**
 * Questions the app asks of an order's status, answered once here by name — so that no screen, no
 * notification and no sandbox route compares a status code itself.
 */
import { ORDER_STATUS as S } from './status-codes'
import { inSet } from './status-sets'

type WithDeadline = { statusCode: number; respondBy: string | null }

/** An assignment waits for the vendor's answer until its response deadline. */
export const hasResponseDeadline = (o: WithDeadline): o is WithDeadline & { respondBy: string } => o.statusCode === S.OrderAssigned && o.respondBy !== null

/** A new assignment: an order that reached the vendor and waits for an answer. */
export const isNewAssignment = (code: number) => code === S.OrderAssigned

/** Back for reassignment because the response time ran out (it keeps the deadline it missed; a declined one has none). */
export const wasReassignedForNoResponse = (o: WithDeadline) => o.statusCode === S.OrderUnassigned && o.respondBy !== null

/** Back for reassignment, either way: the vendor's status reads differently from the docs' "Order Unassigned". */
export const isBackForReassignment = (code: number) => code === S.OrderUnassigned

/** An order that waits for the appraiser: the badge counts these. */
export const needsAttention = (code: number) => inSet('awaiting', code) || inSet('revision', code)

/** Nothing more for the vendor to do on it. */
export const isClosed = (code: number) => inSet('closed', code)

/** A counter-offer is being negotiated. */
export const isNegotiating = (code: number) => code === S.AcceptedWithConditions

/** What a status chip looks like; colour is never the only signal (the chip says the status). */
export type ChipTone = 'awaiting' | 'attention' | 'done' | 'neutral'
export function chipTone(code: number): ChipTone {
  if (inSet('awaiting', code)) return 'awaiting'
  if (inSet('revision', code) || inSet('rov', code)) return 'attention'
  if (inSet('done', code)) return 'done'
  return 'neutral'
}

/** What a report is being asked for again: a revision (QC's or the client's) or a reconsideration of value. */
export type RevisionKind = 'revision' | 'rov'
export function revisionKind(code: number): RevisionKind | null {
  if (inSet('rov', code)) return 'rov'
  if (inSet('revision', code)) return 'revision'
  return null
}

/** The docs: from the third revision on, the platform escalates the order to the client's operations team. */
export const ESCALATION_THRESHOLD = 3

/** Which revision this is (QC's and the client's count; reconsiderations of value do not), and whether it is escalated. */
export function revisionCount(revisions: readonly { kind: RevisionKind }[]): { number: number; escalated: boolean } {
  const number = revisions.filter((r) => r.kind === 'revision').length
  return { number, escalated: number >= ESCALATION_THRESHOLD }
}

/**
 * The revision request an order is waiting on: the newest unanswered one, while the order is in a
 * revision or an ROV. The one place this is decided (the sandbox's answer and the app's display).
 */
export function latestRevision<R extends { requestedAt: string; answered: boolean }>(code: number, revisions: readonly R[]): R | null {
  if (revisionKind(code) === null) return null
  return revisions.filter((r) => !r.answered).sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0] ?? null
}

/** Put on hold by the client: its due date is paused, never "overdue". */
export const isOnHold = (code: number) => inSet('onHold', code)

/**
 * Actions that end the order rather than advance it: offered apart from the day's work, and not
 * where they make no sense to the appraiser — once the report is accepted the work is done, and the
 * platform's "any active state → Cancelled" is the client's to use.
 */
export const isDestructiveAction = (id: string) => id === 'cancel'
export const offeredToAppraiser = (id: string, code: number) => !(isDestructiveAction(id) && inSet('done', code))
