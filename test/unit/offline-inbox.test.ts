import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { OfflineInbox } from '../../src/main/core/offline/offline-inbox'
import { SessionFiles } from '../../src/main/core/storage/session-files'
import type { Inbox, InboxChanges, OrderSummary } from '../../src/shared/ipc/order-schemas'
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
  latestRevision: null,
  appointmentAt: null
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

  const lists = { clients: [{ id: 'cl-a', name: 'Client A' }], failures: [], offlineSince: null }
  const changes = (changed: OrderSummary[], removed: OrderSummary[], fetchedAt: string): InboxChanges => ({ ...lists, added: [], changed, removed, fetchedAt })
  const onHold = (order: OrderSummary, at: string): OrderSummary => ({ ...order, statusCode: 8, updatedAt: at })
  const files = () => new SessionFiles({ folder: profile.dir, cipher, logger: createLogger(() => undefined), place: 'disk', isLive: () => true })
  const cipher = createKeychainCipher()
  const snapshot = () => new Map(readdirSync(profile.dir).filter((n) => n.startsWith('inbox')).map((n) => [n, readFileSync(join(profile.dir, n))]))
  const byKey = (list: OrderSummary[]) => [...list].sort((a, b) => a.orderId.localeCompare(b.orderId))
  const rewrittenSince = (before: Map<string, Buffer>) => [...snapshot()].filter(([n, b]) => !before.get(n)?.equals(b)).map(([n]) => n).sort()

  it('keeps a few changes in the recent-changes file and folds many into their parts; either way the copy reads back as it is', async () => {
    profile = tempProfile()
    const orders = Array.from({ length: 1_000 }, (_, i) => summary(i))
    const copy = new OfflineInbox(files(), createLogger(() => undefined))
    const whole = (): Inbox => ({ ...lists, orders, fetchedAt: '2026-12-01T10:00:00.000Z' })
    await copy.save(whole(), '2026-12-01T10:00:00.000Z')
    const saved = snapshot()

    orders[7] = onHold(orders[7] as OrderSummary, '2026-12-01T10:05:00.000Z')
    const gone = orders.splice(9, 1)
    await copy.update(changes([orders[7] as OrderSummary], gone, '2026-12-01T10:05:00.000Z'), whole, '2026-12-01T10:05:00.000Z')
    expect(rewrittenSince(saved)).toEqual(['inbox-recent.json'])
    let back = await new OfflineInbox(files(), createLogger(() => undefined)).load()
    expect(back?.savedAt).toBe('2026-12-01T10:05:00.000Z')
    expect(back?.inbox.fetchedAt).toBe('2026-12-01T10:05:00.000Z')
    expect(byKey(back?.inbox.orders ?? [])).toEqual(byKey(orders))

    // A file of recent changes left from before the fold must never be read over the folded parts.
    const stale = join(profile.dir, 'stale-recent')
    copyFileSync(join(profile.dir, 'inbox-recent.json'), stale)
    const folded = orders.slice(100, 250).map((o) => onHold(o, '2026-12-01T10:10:00.000Z'))
    orders.splice(100, 150, ...folded)
    // What the stale file says of these two is older: order 7 on hold (now resumed), order 9 gone (now back).
    const resumed = { ...(orders[7] as OrderSummary), statusCode: 3, updatedAt: '2026-12-01T10:10:00.000Z' }
    orders[7] = resumed
    orders.push(gone[0] as OrderSummary)
    const beforeFold = snapshot()
    await copy.update({ ...changes([...folded, resumed], [], '2026-12-01T10:10:00.000Z'), added: gone }, whole, '2026-12-01T10:10:00.000Z')
    expect(existsSync(join(profile.dir, 'inbox-recent.json'))).toBe(false)
    expect(rewrittenSince(beforeFold)).toContain('inbox.json')
    expect(rewrittenSince(beforeFold).filter((n) => /^inbox-\d+\.json$/.test(n)).length).toBeGreaterThan(1)
    back = await new OfflineInbox(files(), createLogger(() => undefined)).load()
    expect(back?.savedAt).toBe('2026-12-01T10:10:00.000Z')
    expect(byKey(back?.inbox.orders ?? [])).toEqual(byKey(orders))

    copyFileSync(stale, join(profile.dir, 'inbox-recent.json'))
    back = await new OfflineInbox(files(), createLogger(() => undefined)).load()
    expect(back?.savedAt).toBe('2026-12-01T10:10:00.000Z')
    expect(byKey(back?.inbox.orders ?? [])).toEqual(byKey(orders))
  })
})
