import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { refOf } from '../support/builders'
import { signedInCoreEachTest } from '../support/signed-in-core'

/** The workfile an appraiser keeps for five years: one folder, everything the vendor may see, a manifest that proves it. */
const world = signedInCoreEachTest()

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
    const saved = await world.app.ok('saveWorkfile', refOf(order))
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
    expect((await world.app.call('saveWorkfile', refOf(order))).ok).toBe(false)
    expect(readdirSync(world.profile.dir).filter((n) => n.includes('Workfile'))).toEqual([])
    await fetch(`${world.sandbox.url}/__sandbox/faults`, { method: 'DELETE' })
    world.app.dialogs.answerSave(folder)
    expect(await world.app.ok('saveWorkfile', refOf(order))).not.toBeNull()
    world.app.dialogs.answerSave(folder)
    expect(await world.app.call('saveWorkfile', refOf(order))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } })
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true)
  })
})
