import { describe, expect, it } from 'vitest'
import { InboxWireSchema, decodeInbox, decodeInboxChanges, encodeInbox, encodeInboxChanges } from '../../src/shared/ipc/order-list-wire'
import type { Inbox, OrderSummary } from '../../src/shared/ipc/order-schemas'

const order = (n: number, over: Partial<OrderSummary> = {}): OrderSummary => ({
  clientId: n % 2 ? 'cl-a' : 'cl-b',
  loanId: `ln-${n}`,
  orderId: `ord-${n}`,
  clientName: n % 2 ? 'Lakeshore Mortgage' : 'Summit AMC',
  orderNumber: `OV-${n}`,
  loanNumber: `41${n}`,
  statusCode: 1,
  product: '1004 URAR',
  fee: { amount: 550.5, currency: 'USD' },
  dueDate: '2026-12-06T01:14:00.000Z',
  rush: n === 2,
  address: { line1: `${n} Oak St`, city: 'Waukesha', state: 'WI', zip: '53186' },
  borrowerName: 'Camila Hughes',
  assignedAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  respondBy: null,
  latestRevision: null,
  appointmentAt: null,
  ...over
})

describe('the inbox on the wire', () => {
  it('comes back exactly as it went, times in any form included', () => {
    const inbox: Inbox = {
      orders: [order(1), order(2, { respondBy: '2026-11-28T14:00:00.000Z', latestRevision: { type: 'revision', reason: 'Add comps', requestedAt: '2026-11-28T11:00:00Z' } }), order(3, { dueDate: '2026-12-06T01:14:00+02:00', updatedAt: 'not a time', product: 'Desktop 1004', fee: { amount: 300, currency: 'CAD' }, address: { line1: '3 Elm St', city: 'Madison', state: 'IL', zip: '53703' } }), order(4, { address: { line1: '4 Oak St', city: 'Waukesha', state: 'WI', zip: '53703' } })],
      clients: [{ id: 'cl-a', name: 'Lakeshore Mortgage' }],
      failures: [],
      fetchedAt: '2026-11-28T12:00:00.000Z',
      offlineSince: null
    }
    const wire = InboxWireSchema.parse(JSON.parse(JSON.stringify(encodeInbox(inbox))))
    expect(decodeInbox(wire)).toEqual(inbox)
    const failures = [{ clientId: 'cl-a', clientName: 'Lakeshore Mortgage', message: 'OmniValVMS had a problem (error 503).', showingSince: '2026-11-28T11:00:00.000Z' }]
    expect(decodeInboxChanges(encodeInboxChanges({ added: [order(4)], changed: [], removed: [{ clientId: 'cl-a', loanId: 'ln-1', orderId: 'ord-1' }], clients: inbox.clients, failures, fetchedAt: inbox.fetchedAt, offlineSince: null }))).toEqual({
      added: [order(4)],
      changed: [],
      removed: [{ clientId: 'cl-a', loanId: 'ln-1', orderId: 'ord-1' }],
      clients: inbox.clients,
      failures,
      fetchedAt: inbox.fetchedAt,
      offlineSince: null
    })
  })

  it('sends a value many orders share once', () => {
    const orders = Array.from({ length: 1000 }, (_, i) => order(i, { address: { line1: `${i} Oak St`, city: i % 2 ? 'Waukesha' : 'Brookfield', state: 'WI', zip: '53186' } }))
    const text = JSON.stringify(encodeInbox({ orders, clients: [], failures: [], fetchedAt: '2026-11-28T12:00:00.000Z', offlineSince: null }))
    for (const value of ['Waukesha', 'Brookfield', '53186', '1004 URAR', 'USD']) expect(text.split(value).length - 1, value).toBe(1)
  })

  it('is less than half the size of the plain form', () => {
    const orders = Array.from({ length: 1000 }, (_, i) => order(i))
    const inbox: Inbox = { orders, clients: [], failures: [], fetchedAt: '2026-11-28T12:00:00.000Z', offlineSince: null }
    expect(JSON.stringify(encodeInbox(inbox)).length).toBeLessThan(JSON.stringify(inbox).length / 2)
  })
})
