import { describe, expect, it } from 'vitest'
import { ORDER_STATUS_CODES } from '../../src/shared/order-workflow'
import {
  FIELD_MESSAGES,
  OrderActionSchema,
  STATUS_SETS,
  StatusUpdateRequestSchema,
  TRANSITIONS,
  VENDOR_ACTIONS,
  actionForRequest,
  availableActions,
  canTransition,
  firstProblem,
  isAppliedRecord,
  findTransition,
  moveFor,
  PLATFORM_EVENTS,
  UPLOAD_REPORT,
  toStatusRequest,
  type StatusActionId
} from '../../src/shared/order-workflow'
import { seedPath } from '../../src/sandbox/seed'

/**
 * The transitions the platform's public docs state (Order lifecycle & state machine; the Assign page
 * for an unanswered assignment), written out here from the docs — not from the table — so the
 * table's "documented" marks are checked against something else.
 */
const ACTIVE = [16, 1, 3, 4, 10, 14, 15, 11, 12, 13, 20, 17, 18]
const DOCUMENTED: [number, number][] = [
  [16, 1],
  [1, 3],
  [1, 4],
  [1, 2],
  [2, 16],
  [1, 16],
  [4, 3],
  [4, 4],
  [3, 10],
  [3, 14],
  [14, 15],
  [15, 11],
  [11, 13],
  [11, 12],
  [12, 11],
  [13, 6],
  ...ACTIVE.map((from): [number, number] => [from, 9]),
  ...[...ACTIVE, 9].map((from): [number, number] => [from, 8])
]

const ids = Object.keys(VENDOR_ACTIONS) as StatusActionId[]

describe('the state machine', () => {
  it('marks as documented exactly the transitions the docs state; every other one is assumed, with its reason', () => {
    const key = (from: number, to: number) => `${from} → ${to}`
    const documented = new Set(DOCUMENTED.map(([from, to]) => key(from, to)))
    for (const [from, to] of DOCUMENTED) expect(TRANSITIONS.find((t) => t.from === from && t.to === to)?.source, key(from, to)).toBe('documented')
    for (const t of TRANSITIONS) {
      if (documented.has(key(t.from, t.to))) continue
      expect(t.source, key(t.from, t.to)).toBe('assumed')
      expect(t.why?.length ?? 0, key(t.from, t.to)).toBeGreaterThan(20)
    }
  })

  it('has no ROV after completion: completion closes the order’s audit trail', () => {
    expect(canTransition(6, 17)).toBe(false)
    expect(canTransition(6, 18)).toBe(false)
    expect(canTransition(13, 17)).toBe(true)
  })

  it('is made, move by move, by an action or an event of the table, and nothing else', () => {
    for (const t of TRANSITIONS) expect(moveFor(t.from, t.to), `${t.from} → ${t.to}`).not.toBeNull()
    const moves = [
      ...ids.flatMap((id) => VENDOR_ACTIONS[id].from.map((from) => [from, VENDOR_ACTIONS[id].to] as const)),
      ...UPLOAD_REPORT.from.map((from) => [from, UPLOAD_REPORT.to] as const),
      ...Object.values(PLATFORM_EVENTS).flatMap((e) => (typeof e.to === 'number' ? e.from.map((from) => [from, e.to] as const) : []))
    ]
    for (const [from, to] of moves) expect(findTransition(from, to), `${from} → ${to}`).toBeDefined()
  })

  it('has the documented ones the platform needs, and never skips a status', () => {
    expect(canTransition(2, 16)).toBe(true)
    for (const from of STATUS_SETS.active) expect(canTransition(from, 9), `${from} → hold`).toBe(true)
    for (const from of [...STATUS_SETS.active, 9]) expect(canTransition(from, 8), `${from} → cancel`).toBe(true)
    expect(canTransition(9, 14, 14)).toBe(true)
    expect(canTransition(9, 3, 14)).toBe(false)
    expect(canTransition(1, 11)).toBe(false)
    expect(canTransition(3, 15)).toBe(false)
    expect(canTransition(8, 3)).toBe(false)
  })

  it('reaches every status from an assignment, as the seeded histories do', () => {
    for (const code of ORDER_STATUS_CODES) {
      const path = seedPath(code)
      expect(path.at(-1)).toBe(code)
      for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1] as number, path[i] as number), `${path.join(' → ')}`).toBe(true)
    }
  })
})

describe('the action table', () => {
  it('offers only what fits the status and the negotiation', () => {
    expect(availableActions(1)).toEqual(['accept', 'counterOffer', 'decline'])
    expect(availableActions(4, 'awaiting_client')).toEqual(['decline'])
    expect(availableActions(4, 'client_countered')).toEqual(['acceptCounterOffer', 'counterOffer', 'decline'])
    expect(availableActions(3)).toEqual(['startWork', 'scheduleInspection', 'cancel'])
    expect(availableActions(14)).toEqual(['rescheduleInspection', 'completeInspection', 'cancel'])
    expect(availableActions(15)).toEqual(['uploadReport', 'cancel'])
    expect(availableActions(17)).toEqual(['uploadReport', 'cancel'])
    expect(availableActions(9, null, 14)).toEqual(['cancel'])
    for (const closed of STATUS_SETS.closed) expect(availableActions(closed)).toEqual([])
  })

  it('derives the IPC schema, with the per-type rules and their messages', () => {
    expect(OrderActionSchema.safeParse({ type: 'accept' }).success).toBe(true)
    const noFee = OrderActionSchema.safeParse({ type: 'counterOffer', requestType: 'fee_increase', proposedFee: null, proposedDueDate: null, explanation: 'x' })
    expect(noFee.success ? null : noFee.error.issues[0]?.message).toBe(FIELD_MESSAGES.feeRequired)
    const noDate = OrderActionSchema.safeParse({ type: 'counterOffer', requestType: 'due_date_extension', proposedFee: null, proposedDueDate: null, explanation: 'x' })
    expect(noDate.success ? null : noDate.error.issues[0]?.message).toBe(FIELD_MESSAGES.dueDateRequired)
    expect(OrderActionSchema.safeParse({ type: 'counterOffer', requestType: 'other', proposedFee: null, proposedDueDate: null, explanation: 'x' }).success).toBe(true)
    expect(firstProblem('decline', { reason: 'other', message: '' }, {})).toEqual({ field: 'message', message: FIELD_MESSAGES.declineMessage })
    expect(firstProblem('cancel', { reason: '  ' }, {})).toEqual({ field: 'reason', message: FIELD_MESSAGES.cancelReason })
    expect(firstProblem('counterOffer', { requestType: 'due_date_extension', proposedFee: null, proposedDueDate: '2026-01-01T00:00:00Z', explanation: 'x' }, { currentDueDate: '2026-02-01T00:00:00Z' })?.message).toBe(FIELD_MESSAGES.dueDateLater)
    expect(firstProblem('completeInspection', { completedAt: '2099-01-01T00:00:00Z' }, {})?.message).toBe(FIELD_MESSAGES.completionInFuture)
  })

  it('derives the platform request, and tells which action a request is', () => {
    const request = toStatusRequest({ type: 'decline', reason: 'too_busy', message: 'Booked' })
    expect(request).toEqual({ status: 2, reason: 'too_busy', message: 'Booked' })
    expect(StatusUpdateRequestSchema.safeParse(request).success).toBe(true)
    // The wire shape holds types only: a missing message is the platform's 422, not a malformed body.
    expect(StatusUpdateRequestSchema.safeParse({ status: 2, reason: 'other', message: '' }).success).toBe(true)
    expect(actionForRequest(1, 3)).toEqual({ id: 'accept' })
    expect(actionForRequest(4, 3, 'client_countered')).toEqual({ id: 'acceptCounterOffer' })
    // `when` is checked: the client's terms can't be accepted before the client has answered.
    expect(actionForRequest(4, 3, 'awaiting_client')).toEqual({ id: null, refusal: 'The client has not answered your counter-offer yet.' })
    expect(actionForRequest(4, 4, 'awaiting_client')).toEqual({ id: null, refusal: 'The client has not answered your counter-offer yet.' })
    expect(actionForRequest(14, 14)).toEqual({ id: 'rescheduleInspection' })
    expect(actionForRequest(11, 3)).toEqual({ id: null, refusal: null })
  })

  it('counts a write as applied only by the vendor\'s own record of that transition, with the same inputs', () => {
    expect(isAppliedRecord({ type: 'accept' }, { status: 3, actorRole: 'Vendor' })).toBe(true)
    expect(isAppliedRecord({ type: 'accept' }, { status: 3, actorRole: 'Client User' })).toBe(false)
    expect(isAppliedRecord({ type: 'cancel', reason: 'Too far' }, { status: 3, actorRole: 'Vendor', changes: { reason: 'Too far' } })).toBe(false)
    const reschedule = { type: 'rescheduleInspection', inspectionAt: '2026-12-02T15:00:00.000Z', slotId: null } as const
    // An earlier schedule for 2 PM is not a reschedule to 3 PM; the same instant in another form is.
    expect(isAppliedRecord(reschedule, { status: 14, actorRole: 'Vendor', changes: { inspectionAt: '2026-12-02T14:00:00.000Z' } })).toBe(false)
    expect(isAppliedRecord(reschedule, { status: 14, actorRole: 'Vendor', changes: { inspectionAt: '2026-12-02T10:00:00-05:00' } })).toBe(true)
    // A record that does not say what it set proves nothing.
    expect(isAppliedRecord(reschedule, { status: 14, actorRole: 'Vendor', changes: null })).toBe(false)
  })
})
