import { describe, expect, it } from 'vitest'
import { VENDOR_ACTIONS, availableActions, canTransition, type VendorActionId } from '../../src/shared/order-workflow'

describe('order workflow', () => {
  it('makes every vendor action a transition the state machine allows', () => {
    for (const [id, action] of Object.entries(VENDOR_ACTIONS)) {
      for (const from of action.from) expect(canTransition(from, action.to), `${id}: ${from} → ${action.to}`).toBe(true)
    }
  })

  it('never skips a status', () => {
    expect(canTransition(1, 11)).toBe(false)
    expect(canTransition(3, 15)).toBe(false)
    expect(canTransition(14, 11)).toBe(false)
    expect(canTransition(8, 3)).toBe(false)
  })

  it('offers only what fits the status', () => {
    const offered = (code: number, negotiation: 'awaiting_client' | 'client_countered' | null = null): VendorActionId[] =>
      availableActions(code, negotiation)
    expect(offered(1)).toEqual(['accept', 'counterOffer', 'decline'])
    expect(offered(4, 'awaiting_client')).toEqual(['decline'])
    expect(offered(4, 'client_countered')).toEqual(['acceptCounterOffer', 'counterOffer', 'decline'])
    expect(offered(3)).toEqual(['startWork', 'scheduleInspection', 'cancel'])
    expect(offered(14)).toEqual(['rescheduleInspection', 'completeInspection', 'cancel'])
    expect(offered(15)).toEqual(['uploadReport', 'cancel'])
    expect(offered(12)).toEqual(['uploadReport', 'cancel'])
    expect(offered(11)).toEqual(['cancel'])
    for (const closed of [2, 6, 7, 8]) expect(offered(closed)).toEqual([])
  })
})
