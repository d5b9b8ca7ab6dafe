import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { samplePdf } from '../../src/sandbox/sample-files'
import { eventChannel } from '../../src/shared/ipc/contract'
import type { OrderRef, SaveProgress } from '../../src/shared/ipc/order-schemas'
import { refOf, signInInput } from '../support/builders'
import { signedInCoreEachTest } from '../support/signed-in-core'
import { startTestCore, tempProfile } from '../support/test-core'

/** The workfile an appraiser keeps for five years: one folder, everything the vendor may see, a manifest that proves it. */
const world = signedInCoreEachTest()
const saveId = () => `save-${randomUUID()}`

async function orderWithDocuments() {
  for (const summary of (await world.app.ok('listOrders')).orders) {
    const order = await world.app.ok('getOrder', refOf(summary))
    if (order.documents.length > 0 && order.history.length > 2) return order
  }
  throw new Error('the seed has no order with shared documents')
}

describe('Save workfile…', () => {
  it('writes one folder: history, submissions, every shared document, and a manifest whose hashes match', async () => {
    const order = await orderWithDocuments()
    const folder = join(world.profile.dir, 'Workfile')
    world.app.dialogs.answerSave(folder)
    const saved = await world.app.ok('saveWorkfile', { ref: refOf(order), saveId: saveId() })
    expect(saved?.savedTo).toBe(folder)
    // No window here to print: the manifest says so rather than leaving it out silently.
    expect(saved?.notIncluded.join(' ')).toMatch(/order sheet PDF/)
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { orderNumber: string; files: { path: string; sha256: string; bytes: number }[] }
    expect(manifest.orderNumber).toBe(order.orderNumber)
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['history.csv', 'submissions.csv', ...readdirSync(join(folder, 'documents')).map((n) => `documents/${n}`)].sort())
    expect(readdirSync(join(folder, 'documents'))).toHaveLength(order.documents.length)
    for (const file of manifest.files) expect(createHash('sha256').update(readFileSync(join(folder, file.path))).digest('hex'), file.path).toBe(file.sha256)
    const history = parse(readFileSync(join(folder, 'history.csv'), 'utf8').replace(/^\uFEFF/, '')) as string[][]
    expect(history).toHaveLength(order.history.length + 1)
    // Oldest first: the assignment opens the record.
    expect(history[1]?.[1]).toBe(order.history.at(-1)?.action)
  })

  it('a download that fails leaves nothing behind, and an existing folder is never overwritten', async () => {
    const order = await orderWithDocuments()
    const folder = join(world.profile.dir, 'Workfile')
    await fetch(`${world.sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', path: '/api/**/content', mode: 'reset' }) })
    world.app.dialogs.answerSave(folder)
    expect((await world.app.call('saveWorkfile', { ref: refOf(order), saveId: saveId() })).ok).toBe(false)
    expect(readdirSync(world.profile.dir).filter((n) => n.includes('Workfile'))).toEqual([])
    await fetch(`${world.sandbox.url}/__sandbox/faults`, { method: 'DELETE' })
    world.app.dialogs.answerSave(folder)
    expect(await world.app.ok('saveWorkfile', { ref: refOf(order), saveId: saveId() })).not.toBeNull()
    world.app.dialogs.answerSave(folder)
    expect(await world.app.call('saveWorkfile', { ref: refOf(order), saveId: saveId() })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } })
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true)
  })
})

/** A new order taken to Inspection Completed through the app: ready for its report. */
async function orderReadyForReport(): Promise<OrderRef> {
  const created = (await (await fetch(`${world.sandbox.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string; clientId: string; loanId: string }
  const ref = { clientId: created.clientId, loanId: created.loanId, orderId: created.id }
  await world.app.ok('performOrderAction', { ref, action: { type: 'accept' } })
  const [slot] = await world.app.ok('listInspectionSlots', ref)
  if (!slot) throw new Error('no inspection slot')
  await world.app.ok('performOrderAction', { ref, action: { type: 'scheduleInspection', inspectionAt: slot.start, slotId: slot.id } })
  await world.app.ok('performOrderAction', { ref, action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
  return ref
}

const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string; what: string }[]; notIncluded: string[] }

describe('Save workfile… with the report', () => {
  it('includes the report files this app submitted, byte for byte what the platform received; a file changed since is named, not copied', async () => {
    const ref = await orderReadyForReport()
    const local = join(world.profile.dir, 'report.pdf')
    const pdf = samplePdf('Appraisal report for the workfile')
    writeFileSync(local, pdf)
    world.app.dialogs.answerOpen([local])
    const picked = await world.app.ok('pickReportFiles')
    await world.app.ok('uploadReport', { ref, uploadId: `up-${randomUUID()}`, fileIds: picked.map((f) => f.fileId) })
    const platformSha = world.sandbox.sandbox.data.submissions.find((s) => s.orderId === ref.orderId)?.files[0]?.sha256

    const folder = join(world.profile.dir, 'With report')
    world.app.dialogs.answerSave(folder)
    const saved = await world.app.ok('saveWorkfile', { ref, saveId: saveId() })
    const entry = manifestOf(folder).files.find((f) => f.path === 'reports/v1/report.pdf')
    expect(entry?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(entry?.sha256).toBe(platformSha)
    expect(readFileSync(join(folder, 'reports', 'v1', 'report.pdf')).equals(pdf)).toBe(true)
    expect(saved?.notIncluded.join(' ')).not.toMatch(/Report version/)

    writeFileSync(local, samplePdf('Edited after it was sent'))
    const second = join(world.profile.dir, 'After edit')
    world.app.dialogs.answerSave(second)
    const again = await world.app.ok('saveWorkfile', { ref, saveId: saveId() })
    expect(again?.notIncluded.join(' ')).toMatch(/Report version 1, report\.pdf: .*report\.pdf has changed since it was submitted/)
    expect(existsSync(join(second, 'reports', 'v1', 'report.pdf'))).toBe(false)
    expect(manifestOf(second).notIncluded).toEqual(again?.notIncluded)
  })

  it('a report sent from elsewhere is named in the manifest as not included', async () => {
    const order = (await Promise.all((await world.app.ok('listOrders')).orders.map((o) => world.app.ok('getOrder', refOf(o))))).find((o) => o.submissions.some((s) => s.status === 'submitted'))
    if (!order) throw new Error('the seed has no submitted report')
    const folder = join(world.profile.dir, 'Elsewhere')
    world.app.dialogs.answerSave(folder)
    const saved = await world.app.ok('saveWorkfile', { ref: refOf(order), saveId: saveId() })
    expect(saved?.notIncluded.join(' ')).toMatch(/Report version \d+, .*: not submitted from this app on this computer/)
  })

  it('shows its progress, file by file, and a cancelled save leaves nothing behind', async () => {
    const order = await orderWithDocuments()
    const id = saveId()
    const progress: SaveProgress[] = []
    const stop = world.app.core.subscribe((channel, payload) => {
      if (channel !== eventChannel('saveProgress')) return
      progress.push(payload as SaveProgress)
      if (progress.length === 1) void world.app.call('cancelSave', { saveId: id })
    })
    world.app.dialogs.answerSave(join(world.profile.dir, 'Cancelled'))
    const result = await world.app.call('saveWorkfile', { ref: refOf(order), saveId: id })
    stop()
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was saved.' } })
    expect(progress[0]).toMatchObject({ saveId: id, done: 0, unit: 'files' })
    expect(progress[0]?.total).toBe(3 + order.documents.length + 1)
    expect(readdirSync(world.profile.dir).filter((n) => n.includes('Cancelled'))).toEqual([])

    const done: SaveProgress[] = []
    const watch = world.app.core.subscribe((channel, payload) => void (channel === eventChannel('saveProgress') && done.push(payload as SaveProgress)))
    world.app.dialogs.answerSave(join(world.profile.dir, 'Whole'))
    await world.app.ok('saveWorkfile', { ref: refOf(order), saveId: saveId() })
    watch()
    expect(done.at(-1)).toMatchObject({ done: done.at(-1)?.total, step: 'Saved' })
  })

  it('a session that ended while the save dialog was open prints and writes nothing', async () => {
    const order = await orderWithDocuments()
    const printed: string[] = []
    const profile = tempProfile()
    const app = startTestCore({ sandboxUrl: world.sandbox.url, profileDir: profile.dir, printer: { windowToPdf: async () => (printed.push('window'), samplePdf('what the window shows')) } })
    try {
      await app.ok('signIn', signInInput)
      const askThenSignOut = (target: string) => async () => {
        await app.ok('signOut')
        return target
      }
      app.dialogs.saveFile = askThenSignOut(join(profile.dir, 'Sheet.pdf'))
      expect(await app.call('saveOrderSheetPdf', refOf(order))).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
      await app.ok('signIn', signInInput)
      app.dialogs.saveFile = askThenSignOut(join(profile.dir, 'Workfile'))
      expect(await app.call('saveWorkfile', { ref: refOf(order), saveId: saveId() })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
      expect(printed).toEqual([])
      expect(readdirSync(profile.dir).filter((n) => n.startsWith('Sheet') || n.includes('Workfile'))).toEqual([])
    } finally {
      await app.core.dispose()
      profile.remove()
    }
  })
})
