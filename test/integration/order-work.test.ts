import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OrderRef } from '../../src/shared/ipc/order-schemas'
import { FIELD_MESSAGES, STATUS_GROUPS, isInGroup, toStatusRequest } from '../../src/shared/order-workflow'
import { sampleMismoXml, samplePdf } from '../../src/sandbox/sample-files'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { sandboxControl } from '../support/sandbox-control'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { createKeychainCipher } from '../support/keychain-cipher'
import { profileText, sessionFolders } from '../support/profile-files'

const vendor = DEMO_ACCOUNTS.vendor
let sandbox: RunningSandbox
let control: ReturnType<typeof sandboxControl>
let profile: ReturnType<typeof tempProfile>
let app: TestCore
let keychain: ReturnType<typeof createKeychainCipher>
let files: string

const write = (name: string, bytes: Buffer) => {
  const path = join(files, name)
  writeFileSync(path, bytes)
  return path
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const newOrder = async (): Promise<OrderRef> => {
  const response = await fetch(`${sandbox.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  const order = (await response.json()) as { id: string; clientId: string; loanId: string }
  return { clientId: order.clientId, loanId: order.loanId, orderId: order.id }
}
const clientSide = (path: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => {
    if (!r.ok) throw new Error(`${path} answered ${r.status}`)
  })
const historyOf = (orderId: string) => sandbox.sandbox.data.history.filter((h) => h.orderId === orderId)
const statusWrites = async (orderId: string) =>
  (await control.requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/orders/${orderId}/status`))

const pickAndUpload = async (ref: OrderRef, paths: string[], uploadId = `up-${Date.now()}`) => {
  app.dialogs.answerOpen(paths)
  const picked = await app.ok('pickReportFiles')
  return app.call('uploadReport', { ref, uploadId, fileIds: picked.map((f) => f.fileId) })
}

beforeEach(async () => {
  sandbox = await startSandboxServer()
  control = sandboxControl(sandbox.url)
  profile = tempProfile()
  files = mkdtempSync(join(tmpdir(), 'omnivms-files-'))
  keychain = createKeychainCipher()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher: keychain })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: true })
})
afterEach(async () => {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

describe('working an order end to end', () => {
  it('accept → schedule → complete → PDF + XML → revision → re-upload → accepted', async () => {
    const ref = await newOrder()
    expect((await app.ok('performOrderAction', { ref, action: { type: 'accept' } })).order.statusCode).toBe(3)
    const slots = await app.ok('listInspectionSlots', ref)
    expect(slots.length).toBeGreaterThan(0)
    const slot = slots[0] as (typeof slots)[number]
    const scheduled = await app.ok('performOrderAction', { ref, action: { type: 'scheduleInspection', inspectionAt: slot.start, slotId: slot.id } })
    expect(scheduled.order).toMatchObject({ statusCode: 14, inspection: { scheduledAt: slot.start } })
    const completedAt = new Date(Date.now() - 60_000).toISOString()
    expect((await app.ok('performOrderAction', { ref, action: { type: 'completeInspection', completedAt } })).order.statusCode).toBe(15)

    const pdf = samplePdf('Appraisal report v1')
    const xml = sampleMismoXml(samplePdf('Embedded copy'))
    const first = await pickAndUpload(ref, [write('report.pdf', pdf), write('report.xml', xml)])
    expect(first.ok && first.value.order.statusCode).toBe(11)
    const stored = sandbox.sandbox.data.submissions.filter((s) => s.orderId === ref.orderId)
    expect(stored).toHaveLength(1)
    expect(stored[0]?.files.map((f) => [f.name, f.sha256])).toEqual([
      ['report.pdf', sha256(pdf)],
      ['report.xml', sha256(xml)]
    ])
    expect(readFileSync(stored[0]?.files[0]?.storedAs ?? '')).toEqual(pdf)

    await clientSide(`/orders/${ref.orderId}/qc`, { decision: 'revision', reason: 'Add a third closed comparable' })
    const inbox = await app.ok('listOrders')
    expect(inbox.orders.find((o) => o.orderId === ref.orderId)?.latestRevision).toMatchObject({ reason: 'Add a third closed comparable' })
    const revised = await app.ok('getOrder', ref)
    expect(revised.revisions[0]).toMatchObject({ reason: 'Add a third closed comparable', answered: false })

    const second = await pickAndUpload(ref, [write('report-v2.pdf', samplePdf('Appraisal report v2'))])
    expect(second.ok && second.value.order.submissions.map((s) => s.version)).toEqual([2, 1])
    expect(second.ok && second.value.order.revisions[0]?.answered).toBe(true)

    await clientSide(`/orders/${ref.orderId}/qc`, { decision: 'accept', reason: '' })
    const accepted = await app.ok('getOrder', ref)
    expect(accepted.statusCode).toBe(13)
    expect(accepted.history.map((h) => h.statusCode)).toEqual([13, 11, 12, 11, 15, 14, 3, 1])
    expect(accepted.history.find((h) => h.statusCode === 14)).toMatchObject({ actorRole: 'Vendor', channel: 'Desktop app' })
  })

  it('negotiates: counter-offer → client counters → vendor accepts the counter', async () => {
    const ref = await newOrder()
    const dueDate = new Date(Date.now() + 20 * 86_400_000).toISOString()
    const countered = await app.ok('performOrderAction', {
      ref,
      action: { type: 'counterOffer', requestType: 'fee_and_due_date', proposedFee: 700, proposedDueDate: dueDate, explanation: 'Rural property, 40 miles out' }
    })
    expect(countered.order).toMatchObject({ statusCode: 4, negotiation: { state: 'awaiting_client', vendorProposal: { fee: 700 } } })
    await clientSide(`/orders/${ref.orderId}/conditions`, { decision: 'counter', fee: 625, dueDate, note: 'We can do 625' })
    const answered = await app.ok('getOrder', ref)
    expect(answered.negotiation).toMatchObject({ state: 'client_countered', clientCounter: { fee: 625, note: 'We can do 625' } })
    const agreed = await app.ok('performOrderAction', { ref, action: { type: 'acceptCounterOffer' } })
    expect(agreed.order).toMatchObject({ statusCode: 3, fee: { amount: 625 }, negotiation: { state: 'agreed' } })
  })

  it('declines with a reason; the order goes back for reassignment and leaves every work queue', async () => {
    const ref = await newOrder()
    const declined = await app.ok('performOrderAction', { ref, action: { type: 'decline', reason: 'out_of_coverage', message: 'Outside my counties' } })
    expect(declined.order.statusCode).toBe(16)
    expect(declined.order.history.slice(0, 2)).toMatchObject([
      { statusCode: 16, previousStatusCode: 2, action: 'Returned for reassignment', actorRole: 'System' },
      { statusCode: 2, previousStatusCode: 1, reason: 'Out of coverage area: Outside my counties', actorRole: 'Vendor' }
    ])
    const inbox = await app.ok('listOrders')
    const listed = inbox.orders.find((o) => o.orderId === ref.orderId)
    expect(listed?.statusCode).toBe(16)
    const workQueues = STATUS_GROUPS.filter((g) => g.id !== 'all').map((g) => g.id)
    expect(workQueues.filter((group) => isInGroup(group, listed?.statusCode ?? -1))).toEqual([])
  })

  it('cancels only with a reason', async () => {
    const ref = await newOrder()
    await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    expect(await app.call('performOrderAction', { ref, action: { type: 'cancel', reason: '  ' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: `action.reason: ${FIELD_MESSAGES.cancelReason}` }
    })
    const cancelled = await app.ok('performOrderAction', { ref, action: { type: 'cancel', reason: 'Borrower unreachable for two weeks' } })
    expect(cancelled.order).toMatchObject({ statusCode: 8, history: [{ reason: 'Borrower unreachable for two weeks' }, {}, {}] })
  })

  it('a missing input is refused by the app and by the platform (422) with the same message', async () => {
    const ref = await newOrder()
    const action = { type: 'counterOffer' as const, requestType: 'fee_increase' as const, proposedFee: null, proposedDueDate: null, explanation: 'More work' }
    expect(await app.call('performOrderAction', { ref, action })).toEqual({ ok: false, error: { code: 'invalid_input', message: `action.proposedFee: ${FIELD_MESSAGES.feeRequired}` } })
    const { accessToken } = (await (await fetch(`${sandbox.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: vendor.email, password: vendor.password }) })).json()) as { accessToken: string }
    const direct = await fetch(`${sandbox.url}/api/clients/${ref.clientId}/loans/${ref.loanId}/orders/${ref.orderId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(toStatusRequest(action as never))
    })
    expect(direct.status).toBe(422)
    expect(((await direct.json()) as { error: { message: string } }).error.message).toBe(FIELD_MESSAGES.feeRequired)
  })
})

describe('writes are never duplicated', () => {
  it('a write applied but its response dropped is confirmed from history, not replayed', async () => {
    const ref = await newOrder()
    await control.clearRequests()
    await control.fault({ method: 'POST', path: '/api/clients/*/loans/*/orders/*/status', mode: 'drop' })
    const result = await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result).toMatchObject({ confirmedFromHistory: true, order: { statusCode: 3 } })
    expect(historyOf(ref.orderId).filter((h) => h.status === 3)).toHaveLength(1)
    expect(await statusWrites(ref.orderId)).toEqual([expect.objectContaining({ dropped: true, status: 200 })])
  })

  it('an expired token before a write: one refresh, then the write goes once', async () => {
    const ref = await newOrder()
    await app.ok('getOrder', ref)
    await control.expireTokens()
    await control.clearRequests()
    const result = await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result.order.statusCode).toBe(3)
    const log = (await control.requests()).requests.map((r) => `${r.method} ${r.path.split('/').pop()} ${r.status}`)
    // The write reads the history first (its baseline); that read meets the 401 and is retried after one refresh.
    expect(log.slice(0, 4)).toEqual(['GET vendor-history 401', 'POST refresh-token 200', 'GET vendor-history 200', 'POST status 200'])
    expect(log.filter((l) => l.includes('refresh-token'))).toHaveLength(1)
    expect(historyOf(ref.orderId).filter((h) => h.status === 3)).toHaveLength(1)
  })

  it('an expired token on the write itself: refresh, reload, replay once', async () => {
    const ref = await newOrder()
    await control.fault({ method: 'POST', path: '/api/clients/*/loans/*/orders/*/status', mode: 'status', status: 401 })
    await control.clearRequests()
    const result = await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result.confirmedFromHistory).toBe(true)
    const log = (await control.requests()).requests.map((r) => `${r.method} ${r.path.split('/').pop()} ${r.status}`)
    expect(log.slice(0, 5)).toEqual(['GET vendor-history 200', 'POST status 401', 'POST refresh-token 200', 'GET vendor-history 200', 'POST status 200'])
    expect(historyOf(ref.orderId).filter((h) => h.status === 3)).toHaveLength(1)
  })

  it('a 5xx that did not apply the change is replayed exactly once', async () => {
    const ref = await newOrder()
    await control.fault({ method: 'POST', path: '/api/clients/*/loans/*/orders/*/status', mode: 'status', status: 503 })
    const result = await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result).toMatchObject({ confirmedFromHistory: true, order: { statusCode: 3 } })
    expect((await statusWrites(ref.orderId)).map((r) => r.status)).toEqual([503, 200])
    expect(historyOf(ref.orderId).filter((h) => h.status === 3)).toHaveLength(1)
  })

  it('gives up after one replay when the platform keeps failing, without a second replay', async () => {
    const ref = await newOrder()
    await control.fault({ method: 'POST', path: '/api/clients/*/loans/*/orders/*/status', mode: 'status', status: 502, count: 5 })
    const result = await app.call('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'outcome_unknown' } })
    expect(await statusWrites(ref.orderId)).toHaveLength(2)
  })

  it('a 409 reloads the order and says what it is now', async () => {
    const ref = await newOrder()
    await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    const result = await app.call('performOrderAction', { ref, action: { type: 'accept' } })
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This order changed in the meantime: it is now Order Accepted, so “Accept” no longer applies. The current state is shown.' }
    })
  })

  it('an order that is not the vendor’s is "no longer available"', async () => {
    const theirs = sandbox.sandbox.data.orders.find((o) => o.vendorId === 'usr-vendor-2' && o.clientId === 'cl-summit' && o.status === 1)
    if (!theirs) throw new Error('no assignable order of the other vendor')
    const result = await app.call('performOrderAction', { ref: { clientId: theirs.clientId, loanId: theirs.loanId, orderId: theirs.id }, action: { type: 'accept' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no longer available to you') } })
    expect(theirs.status).toBe(1)
  })
})

describe('report delivery', () => {
  const readyToDeliver = async () => {
    const ref = await newOrder()
    await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    const slot = (await app.ok('listInspectionSlots', ref))[0]
    await app.ok('performOrderAction', { ref, action: { type: 'scheduleInspection', inspectionAt: slot?.start ?? '', slotId: slot?.id ?? null } })
    await app.ok('performOrderAction', { ref, action: { type: 'completeInspection', completedAt: new Date().toISOString() } })
    return ref
  }

  it('checks files before any byte is sent', async () => {
    const pdf = samplePdf('Report')
    app.dialogs.answerOpen([
      write('good.pdf', pdf),
      write('fake.pdf', Buffer.from('<html>not a pdf</html>')),
      write('broken.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><VALUATION_RESPONSE><PROPERTY></VALUATION_RESPONSE>')),
      write('latin1.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])),
      write('dup.xml', sampleMismoXml(pdf)),
      write('notes.docx', Buffer.from('PK'))
    ])
    const checks = Object.fromEntries((await app.ok('pickReportFiles')).map((f) => [f.name, f.checks.map((c) => `${c.level}: ${c.message}`)]))
    expect(checks['good.pdf']?.[0]).toMatch(/^ok: PDF/)
    expect(checks['good.pdf']?.[1]).toBe('warning: dup.xml already embeds good.pdf; sending both may duplicate the PDF at the client.')
    expect(checks['fake.pdf']).toEqual(['error: fake.pdf is not a valid PDF (it does not start with a PDF header).'])
    expect(checks['broken.xml']?.[0]).toMatch(/^error: broken.xml is not well-formed XML: .*line 1/)
    expect(checks['latin1.xml']).toEqual(['error: latin1.xml is not UTF-8 text. Export the XML as UTF-8.'])
    expect(checks['dup.xml']?.[0]).toMatch(/^ok: Well-formed UTF-8 XML with an embedded PDF/)
    expect(checks['notes.docx']?.[0]).toMatch(/^error: notes.docx is not a PDF or XML file/)
    // Trying to upload them anyway sends nothing.
    const ref = await newOrder()
    const picked = await app.ok('pickReportFiles').catch(() => [])
    expect(picked).toEqual([])
    app.dialogs.answerOpen([join(files, 'fake.pdf'), join(files, 'good.pdf')])
    const again = await app.ok('pickReportFiles')
    expect(await app.call('uploadReport', { ref, uploadId: 'bad-files-1', fileIds: again.map((f) => f.fileId) })).toMatchObject({ ok: false, error: { code: 'preflight_failed' } })
    expect((await control.requests()).requests.filter((r) => r.path.includes('submissions'))).toEqual([])
  })

  it('refuses a file over the size limit with its size, sending nothing', async () => {
    await app.core.dispose()
    app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, maxUploadBytes: 1024 * 1024 })
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: false })
    const ref = await readyToDeliver()
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_600_000, 32)])
    const result = await pickAndUpload(ref, [write('huge.pdf', big)])
    expect(result).toEqual({ ok: false, error: { code: 'preflight_failed', message: 'huge.pdf is 1.5 MB; the limit is 1.0 MB.' } })
    expect((await control.requests()).requests.filter((r) => r.path.includes('submissions') && r.method !== 'GET')).toEqual([])
  })

  it('reports progress and can be cancelled without submitting anything', async () => {
    const ref = await readyToDeliver()
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(12 * 1024 * 1024, 65)])
    // A slow platform: the file's bytes wait 1.5 s before they are taken. Nothing else goes wrong.
    await control.fault({ method: 'PUT', path: '/api/**/files/*', mode: 'delay', delayMs: 1500 })
    const uploadId = 'cancel-me-123'
    app.dialogs.answerOpen([write('big.pdf', big)])
    const picked = await app.ok('pickReportFiles')
    const pending = app.call('uploadReport', { ref, uploadId, fileIds: picked.map((f) => f.fileId) })
    await vi.waitFor(() => expect(app.events.some((e) => (e.payload as { uploadId?: string; phase?: string }).uploadId === uploadId && (e.payload as { phase: string }).phase === 'uploading')).toBe(true))
    await app.ok('cancelUpload', { uploadId })
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: 'Upload cancelled. Nothing was submitted.' } })
    expect((await app.ok('getOrder', ref)).statusCode).toBe(15)

    const delivered = await pickAndUpload(ref, [write('big.pdf', big)], 'second-try-1')
    expect(delivered.ok && delivered.value.order.statusCode).toBe(11)
    const progress = app.events.filter((e) => e.channel === 'omnivms:event:uploadProgress').map((e) => e.payload as { uploadId: string; phase: string; sentBytes: number })
    const second = progress.filter((p) => p.uploadId === 'second-try-1')
    expect(second.some((p) => p.phase === 'uploading' && p.sentBytes > 0 && p.sentBytes < big.length)).toBe(true)
    expect(second.at(-1)).toMatchObject({ phase: 'done', sentBytes: big.length })
    // The draft left by the cancelled try was resumed, not duplicated.
    expect(sandbox.sandbox.data.submissions.filter((s) => s.orderId === ref.orderId)).toHaveLength(1)
  })

  it('resumes a draft but re-sends a file whose bytes changed since, even at the same size', async () => {
    const ref = await readyToDeliver()
    const path = write('report.pdf', samplePdf('First draft'))
    await control.fault({ method: 'POST', path: '/api/**/submit', mode: 'status', status: 422 })
    expect(await pickAndUpload(ref, [path])).toMatchObject({ ok: false, error: { code: 'validation' } })
    const edited = samplePdf('First draft')
    edited[edited.length - 3] = 0x20
    writeFileSync(path, edited)
    const result = await pickAndUpload(ref, [path])
    expect(result.ok && result.value.order.statusCode).toBe(11)
    const [submission] = sandbox.sandbox.data.submissions.filter((s) => s.orderId === ref.orderId)
    expect(submission?.files[0]?.sha256).toBe(sha256(edited))
  })

  it('says plainly when the platform fails during the transfer, and a retry resumes', async () => {
    const ref = await readyToDeliver()
    await control.fault({ method: 'PUT', path: '/api/**/files/*', mode: 'status', status: 503 })
    const path = write('report.pdf', samplePdf('Report'))
    expect(await pickAndUpload(ref, [path])).toEqual({
      ok: false,
      error: { code: 'server_error', message: expect.stringMatching(/^OmniValVMS had a problem \(error 503\)\. Try again in a moment\. \(reference req-[0-9a-f]+\)$/) }
    })
    expect(await pickAndUpload(ref, [path])).toMatchObject({ ok: true, value: { order: { statusCode: 11 } } })
    expect(sandbox.sandbox.data.submissions.filter((s) => s.orderId === ref.orderId)).toHaveLength(1)
  })

  it('a submit whose response is dropped is confirmed, not sent twice', async () => {
    const ref = await readyToDeliver()
    await control.fault({ method: 'POST', path: '/api/**/submit', mode: 'drop' })
    const result = await pickAndUpload(ref, [write('report.pdf', samplePdf('Report'))])
    expect(result).toMatchObject({ ok: true, value: { confirmedFromHistory: true, order: { statusCode: 11 } } })
    const submits = (await control.requests()).requests.filter((r) => r.path.endsWith('/submit'))
    expect(submits).toHaveLength(1)
    expect(historyOf(ref.orderId).filter((h) => h.status === 11)).toHaveLength(1)
  })
})

describe('documents, payments and drafts', () => {
  it('saves a shared document where the user chooses; cancelling saves nothing', async () => {
    const inbox = await app.ok('listOrders')
    const order = inbox.orders[0]
    if (!order) throw new Error('no orders')
    const detail = await app.ok('getOrder', order)
    const doc = detail.documents[0]
    if (!doc) throw new Error('no document')
    app.dialogs.answerSave(null)
    expect(await app.ok('downloadDocument', { ref: order, documentId: doc.id })).toBeNull()
    const target = join(files, 'saved.pdf')
    app.dialogs.answerSave(target)
    expect(await app.ok('downloadDocument', { ref: order, documentId: doc.id })).toEqual({ savedTo: target })
    const original = sandbox.sandbox.data.documents.find((d) => d.id === doc.id)
    expect(readFileSync(target)).toEqual(Buffer.from(original?.contentBase64 ?? '', 'base64'))
  })

  it('totals paid and unpaid per client', async () => {
    const payments = await app.ok('listPayments')
    expect(payments.clients).toHaveLength(3)
    for (const client of payments.clients) {
      const items = payments.items.filter((i) => i.clientId === client.clientId)
      expect(client.paid).toBe(items.filter((i) => i.status === 'paid').reduce((s, i) => s + i.amount, 0))
      expect(client.unpaid).toBe(items.filter((i) => i.status === 'unpaid').reduce((s, i) => s + i.amount, 0))
    }
    expect(payments.items.some((i) => i.status === 'paid')).toBe(true)
    expect(payments.items.some((i) => i.status === 'unpaid')).toBe(true)
  })

  it('keeps a session’s drafts encrypted across a restart and a new sign-in; another account never sees them; signing out removes them', async () => {
    const draft = { message: 'Call Avery Chen at (555) 234-5678 first' }
    await app.ok('saveDraft', { key: 'ord-1:decline', value: draft })
    await app.core.dispose()
    app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher: keychain })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toEqual(draft)
    // Nothing of it in plain text anywhere in the profile (config.json included).
    expect(profileText(profile.dir)).not.toContain('Avery Chen')
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: true })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toEqual(draft)
    await app.ok('discardDraft', { key: 'ord-1:decline' })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toBeNull()
    await app.ok('saveDraft', { key: 'ord-1:decline', value: draft })
    await app.ok('signOut')
    await app.ok('signIn', { environment: { kind: 'sandbox' }, ...DEMO_ACCOUNTS.otherVendor, keepSignedIn: false })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toBeNull()
    await app.ok('signOut')
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: true })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toBeNull()
  })

  it('keeps a memory-only session’s drafts in memory: nothing on disk, and gone with the sign-out', async () => {
    await app.ok('signOut')
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: false })
    await app.ok('saveDraft', { key: 'ord-1:decline', value: { message: 'Borrower Avery Chen asked to wait' } })
    expect(await app.ok('getDraft', { key: 'ord-1:decline' })).toEqual({ message: 'Borrower Avery Chen asked to wait' })
    expect(profileText(profile.dir)).not.toContain('Avery Chen')
    expect(sessionFolders(profile.dir)).toEqual([])
  })
})
