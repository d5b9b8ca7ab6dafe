import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { OfflineInbox } from '../../src/main/core/offline/offline-inbox'
import { SessionFiles } from '../../src/main/core/storage/session-files'
import type { Inbox, OrderSummary } from '../../src/shared/ipc/order-schemas'
import { createKeychainCipher } from '../support/keychain-cipher'
import { tempProfile } from '../support/test-core'

/** The inbox's offline copy across versions: the whole-inbox file an earlier version kept is still read. */
let profile: ReturnType<typeof tempProfile>
afterEach(() => profile.remove())

const summary = (n: number): OrderSummary => ({
  clientId: 'cl-a',
  loanId: `ln-${n}`,
  orderId: `ord-${n}`,
  clientName: 'Client A',
  orderNumber: `OV-${n}`,
  loanNumber: `${n}`,
  statusCode: 3,
  product: 'Desktop 1004',
  fee: { amount: 350, currency: 'USD' },
  dueDate: '2026-12-20T17:00:00.000Z',
  rush: false,
  address: { line1: `${n} Elm St`, city: 'Madison', state: 'WI', zip: '53703' },
  borrowerName: 'Pat Doe',
  assignedAt: '2026-11-20T17:00:00.000Z',
  updatedAt: '2026-11-21T17:00:00.000Z',
  respondBy: null,
  latestRevision: null
})

describe('the offline inbox', () => {
  it('reads the whole-inbox copy an earlier version saved, then keeps it in parts', async () => {
    profile = tempProfile()
    const cipher = createKeychainCipher()
    const files = () => new SessionFiles({ folder: profile.dir, cipher, logger: createLogger(() => undefined), place: 'disk', isLive: () => true })
    const inbox: Inbox = { orders: [summary(1), summary(2)], clients: [{ id: 'cl-a', name: 'Client A' }], failures: [], fetchedAt: '2026-12-01T10:00:00.000Z', offlineSince: null }
    const earlier = files()
    await earlier.write('inbox.json', { savedAt: '2026-12-01T10:00:01.000Z', inbox })
    const copy = new OfflineInbox(files(), createLogger(() => undefined))
    expect(await copy.load()).toEqual({ savedAt: '2026-12-01T10:00:01.000Z', inbox })

    await copy.save({ ...inbox, orders: [summary(1), summary(2), summary(3)] }, '2026-12-01T11:00:00.000Z')
    const reread = await new OfflineInbox(files(), createLogger(() => undefined)).load()
    expect(reread?.inbox.orders.map((o) => o.orderId).sort()).toEqual(['ord-1', 'ord-2', 'ord-3'])
    expect(reread?.savedAt).toBe('2026-12-01T11:00:00.000Z')
  })
})
