import { describe, expect, it } from 'vitest'
import { ORDER_STATUS_CODES } from '../../src/shared/order-status'
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
  toStatusRequest,
  type StatusActionId
} from '../../src/shared/order-workflow'
import { seedPath } from '../../src/sandbox/seed'

const ids = Object.keys(VENDOR_ACTIONS) as StatusActionId[]

describe('the state machine', () => {
  it('documents every transition, or marks it assumed with a reason', () => {
    for (const t of TRANSITIONS) {
      if (t.source === 'assumed') expect(t.why?.length ?? 0, `${t.from} → ${t.to}`).toBeGreaterThan(20)
      else expect(t.why).toBeUndefined()
    }
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
  it('makes every action a transition of the state machine', () => {
    for (const id of ids) for (const from of VENDOR_ACTIONS[id].from) expect(canTransition(from, VENDOR_ACTIONS[id].to, 14), `${id}: ${from}`).toBe(true)
  })

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
    expect(actionForRequest(1, 3)).toBe('accept')
    expect(actionForRequest(4, 3)).toBe('acceptCounterOffer')
    expect(actionForRequest(14, 14)).toBe('rescheduleInspection')
    expect(actionForRequest(11, 3)).toBeNull()
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
