import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderAction, OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS_CODES, statusName, type OrderStatusCode } from '../../src/shared/order-workflow'
import { FIELD_MESSAGES, PLATFORM_EVENTS, VENDOR_ACTIONS, availableActions, firstProblem, toStatusRequest, type NegotiationState, type StatusActionId } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'

/**
 * Every action of the table, walked through the app against the sandbox from every status: offered
 * exactly where the table says and accepted there; refused by the platform (409) everywhere else;
 * a missing input refused by the platform (422) with the message the form shows.
 */
let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let app: TestCore
let token: string

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()
const valid: Record<StatusActionId, () => OrderAction> = {
  accept: () => ({ type: 'accept' }),
  acceptCounterOffer: () => ({ type: 'acceptCounterOffer' }),
  counterOffer: () => ({ type: 'counterOffer', requestType: 'fee_increase', proposedFee: 725, proposedDueDate: null, explanation: 'Two-acre lot' }),
  decline: () => ({ type: 'decline', reason: 'too_busy', message: '' }),
  startWork: () => ({ type: 'startWork' }),
  scheduleInspection: () => ({ type: 'scheduleInspection', inspectionAt: inAnHour(), slotId: null }),
  rescheduleInspection: () => ({ type: 'rescheduleInspection', inspectionAt: inAnHour(), slotId: null }),
  completeInspection: () => ({ type: 'completeInspection', completedAt: new Date().toISOString() }),
  cancel: () => ({ type: 'cancel', reason: 'Borrower unreachable' })
}
/** Each action's inputs with the one the form would catch missing or wrong. */
const missing: Partial<Record<StatusActionId, { action: () => OrderAction; message: string }>> = {
  counterOffer: { action: () => ({ type: 'counterOffer', requestType: 'due_date_extension', proposedFee: null, proposedDueDate: null, explanation: 'Later please' }), message: FIELD_MESSAGES.dueDateRequired },
  decline: { action: () => ({ type: 'decline', reason: 'other', message: ' ' }), message: FIELD_MESSAGES.declineMessage },
  scheduleInspection: { action: () => ({ type: 'scheduleInspection', inspectionAt: '2020-01-01T10:00:00.000Z', slotId: null }), message: FIELD_MESSAGES.inspectionInPast },
  rescheduleInspection: { action: () => ({ type: 'rescheduleInspection', inspectionAt: '2020-01-01T10:00:00.000Z', slotId: null }), message: FIELD_MESSAGES.inspectionInPast },
  completeInspection: { action: () => ({ type: 'completeInspection', completedAt: new Date(Date.now() + 86_400_000).toISOString() }), message: FIELD_MESSAGES.completionInFuture },
  cancel: { action: () => ({ type: 'cancel', reason: '' }), message: FIELD_MESSAGES.cancelReason }
}

/** A new order of the demo appraiser's, put in `status` (and negotiation state) directly. */
async function orderIn(status: OrderStatusCode, negotiation: NegotiationState, heldFrom: OrderStatusCode | null = null): Promise<OrderRef> {
  const created = (await (await fetch(`${sandbox.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string; clientId: string; loanId: string }
  const order = sandbox.sandbox.orders.findById(created.id)
  order.status = status
  order.statusBeforeHold = heldFrom
  order.negotiation = negotiation === null ? null : { state: negotiation, vendorProposal: { requestType: 'fee_increase', fee: 700, dueDate: null, explanation: 'x' }, clientCounter: negotiation === 'client_countered' ? { fee: 650, dueDate: null, note: 'ok' } : null }
  return { clientId: created.clientId, loanId: created.loanId, orderId: created.id }
}

const direct = (ref: OrderRef, action: OrderAction) =>
  fetch(`${sandbox.url}/api/clients/${ref.clientId}/loans/${ref.loanId}/orders/${ref.orderId}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(toStatusRequest(action))
  })

beforeAll(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  profile = tempProfile()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: false })
  token = ((await (await fetch(`${sandbox.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ACCOUNTS.vendor) })).json()) as { accessToken: string }).accessToken
})
afterAll(async () => {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

const situations: { status: OrderStatusCode; negotiation: NegotiationState; heldFrom: OrderStatusCode | null }[] = [
  ...ORDER_STATUS_CODES.filter((c) => c !== 4 && c !== 9).map((status) => ({ status, negotiation: null, heldFrom: null })),
  { status: 4, negotiation: 'awaiting_client', heldFrom: null },
  { status: 4, negotiation: 'client_countered', heldFrom: null },
  { status: 9, negotiation: null, heldFrom: 14 }
]

describe('the action table, walked through the app against the sandbox', () => {
  for (const { status, negotiation, heldFrom } of situations) {
    it(`${statusName(status)}${negotiation ? ` (${negotiation})` : ''}: offered where the table says, refused (409) everywhere else`, async () => {
      const offered = availableActions(status, negotiation, heldFrom)
      for (const id of Object.keys(VENDOR_ACTIONS) as StatusActionId[]) {
        const ref = await orderIn(status, negotiation, heldFrom)
        const result = await app.call('performOrderAction', { ref, action: valid[id]() })
        // The platform sees transitions, not buttons: "Accept" and "Accept the client's terms" both ask for 3,
        // "Schedule" and "Reschedule" both for 14. Where one of a pair is offered, the other's request is that same transition.
        const sameTransitionOffered = offered.some((o) => o !== 'uploadReport' && o !== id && VENDOR_ACTIONS[o].to === VENDOR_ACTIONS[id].to)
        if (offered.includes(id) || sameTransitionOffered) {
          expect(result, `${id} from ${status}`).toMatchObject({ ok: true })
          const order = result.ok ? result.value.order : null
          if (id === 'decline') {
            // Declined, and at once back for reassignment: both moves recorded, the platform's after the vendor's.
            expect(order?.statusCode, `${id} from ${status}`).toBe(PLATFORM_EVENTS.returnDeclined.to)
            expect(order?.history.slice(0, 2).map((h) => [h.statusCode, h.actorRole]), `${id} from ${status}`).toEqual([
              [PLATFORM_EVENTS.returnDeclined.to, 'System'],
              [VENDOR_ACTIONS.decline.to, 'Vendor']
            ])
          } else expect(order?.statusCode, `${id} from ${status}`).toBe(VENDOR_ACTIONS[id].to)
        } else {
          expect(result, `${id} from ${status}`).toMatchObject({ ok: false, error: { code: 'conflict' } })
          expect((await direct(await orderIn(status, negotiation, heldFrom), valid[id]())).status, `${id} from ${status}, sent straight to the platform`).toBe(409)
        }
      }
    })
  }

  for (const [id, bad] of Object.entries(missing) as [StatusActionId, { action: () => OrderAction; message: string }][]) {
    it(`${id}: a missing or wrong input is refused with 422 and the form's message`, async () => {
      const from = VENDOR_ACTIONS[id].from[0] as OrderStatusCode
      const ref = await orderIn(from, null, null)
      const { type: _type, ...fields } = bad.action() as OrderAction & Record<string, unknown>
      expect(firstProblem(id, fields, {})?.message).toBe(bad.message)
      const response = await direct(ref, bad.action())
      expect(response.status).toBe(422)
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(bad.message)
      expect(await app.call('performOrderAction', { ref, action: bad.action() })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(bad.message) } })
    })
  }
})
