import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ORDER_COLUMNS, PAYMENT_COLUMNS } from '../../src/main/core/orders/spreadsheet-exports'
import { isInGroup } from '../../src/shared/order-workflow'
import { startSandboxServer } from '../../src/sandbox/server'
import { eventChannel } from '../../src/shared/ipc/contract'
import type { SaveProgress } from '../../src/shared/ipc/order-schemas'
import { refOf, signInInput } from '../support/builders'
import { signedInCoreEachTest } from '../support/signed-in-core'
import { startTestCore, tempProfile } from '../support/test-core'

/** Orders and payments to a spreadsheet: what the user asked for, all of it, readable by Excel, never a formula. */
const world = signedInCoreEachTest()

const saveId = () => `save-${randomUUID()}`
const read = (path: string) => {
  const bytes = readFileSync(path)
  return { bytes, rows: parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][] }
}

describe('exports', () => {
  it('a queue’s orders as CSV: UTF-8 with a BOM, CRLF, one row per order, columns named for a person', async () => {
    const { orders } = await world.app.ok('listOrders')
    const inspection = orders.filter((o) => isInGroup('inspection', o.statusCode))
    expect(inspection.length).toBeGreaterThan(0)
    const target = join(world.profile.dir, 'inspection.csv')
    world.app.dialogs.answerSave(target)
    expect(await world.app.ok('exportOrders', { kind: 'shown', saveId: saveId(), label: 'Inspection', orders: inspection.map(refOf) })).toEqual({ savedTo: target, rows: inspection.length })
    const { bytes, rows } = read(target)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')
    expect(rows[0]).toEqual([...ORDER_COLUMNS])
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(inspection.map((o) => o.orderNumber).sort())
    // A due date is the date as the platform wrote it.
    const first = inspection.find((o) => o.orderNumber === rows[1]?.[0])
    expect(rows[1]?.[ORDER_COLUMNS.indexOf('Due date')]).toBe(first?.dueDate.slice(0, 10))
  })

  it('one client’s orders only, and nothing a spreadsheet would run as a formula', async () => {
    const { orders, clients } = await world.app.ok('listOrders')
    const client = clients[0]
    if (!client) throw new Error('no client')
    const order = orders.find((o) => o.clientId === client.id)
    if (!order) throw new Error('no order')
    world.sandbox.sandbox.orders.findById(order.orderId).propertyAddress.street = '=HYPERLINK("https://attacker.example","Open")'
    await world.app.ok('listOrders')
    const target = join(world.profile.dir, 'client.csv')
    world.app.dialogs.answerSave(target)
    const saved = await world.app.ok('exportOrders', { kind: 'shown', saveId: saveId(), label: client.name, orders: orders.filter((o) => o.clientId === client.id).map(refOf) })
    const { rows } = read(target)
    expect(saved?.rows).toBe(orders.filter((o) => o.clientId === client.id).length)
    expect(new Set(rows.slice(1).map((r) => r[ORDER_COLUMNS.indexOf('Client')]))).toEqual(new Set([client.name]))
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])
    expect(rows.flat()).toContain(`'=HYPERLINK("https://attacker.example","Open")`)
  })

  it('payments as CSV; a cancelled save dialog writes nothing', async () => {
    const payments = await world.app.ok('listPayments')
    const target = join(world.profile.dir, 'payments.csv')
    world.app.dialogs.answerSave(target)
    expect(await world.app.ok('exportPayments', { saveId: saveId() })).toEqual({ savedTo: target, rows: payments.items.length })
    const { rows } = read(target)
    expect(rows[0]).toEqual([...PAYMENT_COLUMNS])
    expect(rows).toHaveLength(payments.items.length + 1)
    // Each payment says which job it paid for: the property of its order, as the inbox holds it.
    const { orders } = await world.app.ok('listOrders')
    const first = payments.items[0]
    const order = orders.find((o) => o.orderId === first?.orderId && o.clientId === first?.clientId)
    expect(first?.property).toBe(`${order?.address.line1}, ${order?.address.city}, ${order?.address.state}`)
    expect(rows.find((r) => r[PAYMENT_COLUMNS.indexOf('Order number')] === first?.orderNumber)?.[PAYMENT_COLUMNS.indexOf('Property')]).toBe(first?.property)

    // What the view shows — one client's unpaid invoices — is what is written.
    const client = payments.items.find((p) => p.status === 'unpaid')?.clientId ?? null
    const unpaid = payments.items.filter((p) => p.status === 'unpaid' && p.clientId === client)
    expect(unpaid.length).toBeGreaterThan(0)
    expect(unpaid.length).toBeLessThan(payments.items.length)
    const filtered = join(world.profile.dir, 'unpaid.csv')
    world.app.dialogs.answerSave(filtered)
    expect(await world.app.ok('exportPayments', { saveId: saveId(), filter: { clientId: client, status: 'unpaid' } })).toEqual({ savedTo: filtered, rows: unpaid.length })
    expect(read(filtered).rows.slice(1).map((r) => r[PAYMENT_COLUMNS.indexOf('Invoice number')]).sort()).toEqual(unpaid.map((p) => p.invoiceNumber).sort())
    expect(world.app.dialogs.saveAsked.at(-1)?.defaultName).toMatch(/^Unpaid Payments \d{4}-\d{2}-\d{2}\.csv$/)
    world.app.dialogs.answerSave(null)
    expect(await world.app.ok('exportPayments', { saveId: saveId() })).toBeNull()
    expect(existsSync(join(world.profile.dir, 'Payments.csv'))).toBe(false)
  })

  it('every order due between two dates, whatever the queue; an order main does not hold exports nothing', async () => {
    const { orders } = await world.app.ok('listOrders')
    const days = orders.map((o) => o.dueDate.slice(0, 10)).sort()
    const [from, to] = [days[10] ?? '', days[40] ?? '']
    const target = join(world.profile.dir, 'range.csv')
    world.app.dialogs.answerSave(target)
    const saved = await world.app.ok('exportOrders', { kind: 'dueBetween', saveId: saveId(), from, to })
    const expected = orders.filter((o) => o.dueDate.slice(0, 10) >= from && o.dueDate.slice(0, 10) <= to)
    expect(saved?.rows).toBe(expected.length)
    expect(read(target).rows.slice(1).every((r) => (r[ORDER_COLUMNS.indexOf('Due date')] ?? '') >= from && (r[ORDER_COLUMNS.indexOf('Due date')] ?? '') <= to)).toBe(true)
    world.app.dialogs.answerSave(join(world.profile.dir, 'foreign.csv'))
    expect(await world.app.ok('exportOrders', { kind: 'shown', saveId: saveId(), label: 'x', orders: [{ clientId: 'cl-other', loanId: 'ln-1', orderId: 'ord-1' }] })).toMatchObject({ rows: 0 })
  })
})

describe('a long export', () => {
  it('tells its progress a thousand rows at a time, and a cancelled export writes nothing', async () => {
    const sandbox = await startSandboxServer({ orders: 3000, accessTokenTtlMs: 3_600_000 })
    const profile = tempProfile()
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
    try {
      await app.ok('signIn', signInInput)
      const total = (await app.ok('listOrders')).orders.length
      expect(total).toBe(3000)
      const id = saveId()
      const progress: SaveProgress[] = []
      const stop = app.core.subscribe((channel, payload) => {
        if (channel !== eventChannel('saveProgress')) return
        progress.push(payload as SaveProgress)
        if (progress.length === 1) void app.call('cancelSave', { saveId: id })
      })
      const cancelledTo = join(profile.dir, 'cancelled.csv')
      app.dialogs.answerSave(cancelledTo)
      const cancelled = await app.call('exportOrders', { kind: 'dueBetween', saveId: id, from: '2000-01-01', to: '2100-01-01' })
      stop()
      expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was saved.' } })
      expect(progress[0]).toMatchObject({ saveId: id, done: 1000, total, unit: 'rows' })
      expect(existsSync(cancelledTo)).toBe(false)
      expect(readdirSync(profile.dir).filter((n) => n.includes('cancelled'))).toEqual([])

      const wholeTo = join(profile.dir, 'whole.csv')
      app.dialogs.answerSave(wholeTo)
      expect(await app.ok('exportOrders', { kind: 'dueBetween', saveId: saveId(), from: '2000-01-01', to: '2100-01-01' })).toEqual({ savedTo: wholeTo, rows: total })
      expect(read(wholeTo).rows).toHaveLength(total + 1)
    } finally {
      await app.core.dispose()
      await sandbox.close()
      profile.remove()
    }
  }, 60_000)
})
