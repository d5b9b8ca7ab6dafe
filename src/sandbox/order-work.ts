import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { DECLINE_REASONS, VENDOR_ACTIONS, actionForRequest, canTransition, findTransition, firstProblem, inSet, recordedChanges, type RecordedChanges } from '../shared/order-workflow'
import { ORDER_STATUS as S, statusName, type OrderStatusCode } from '../shared/order-status'
import type { StatusUpdateRequest, Submission } from '../platform/schemas'
import type { SandboxHistoryRecord, SandboxOrder, SandboxSubmission, SandboxUser } from './model'
import { SandboxError, type Sandbox } from './sandbox'

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`
const DAY = 86_400_000
const SYSTEM = { name: 'OmniValVMS', role: 'System' }

const invalidTransition = (order: SandboxOrder, to: number) =>
  new SandboxError(409, 'invalid_transition', `This order is ${statusName(order.status)}; it cannot move to ${statusName(to)}.`)
const transitionHistory = (from: number, to: number) => findTransition(from, to)?.history ?? `Moved to ${statusName(to)}`

/** The vendor's work on an order, as the platform's rules allow it. Every change writes history. */
export class OrderWork {
  constructor(
    private readonly sandbox: Sandbox,
    private readonly filesDir: string
  ) {}

  private get data() {
    return this.sandbox.data
  }

  /**
   * "The order status endpoint": which action this is follows from the status it leaves and the one
   * it asks for; the action table says whether that is allowed (409 if not) and whether its inputs
   * pass (422 with the same message the app's form shows).
   */
  updateStatus(user: SandboxUser, order: SandboxOrder, request: StatusUpdateRequest): void {
    const from = order.status
    const to = request.status
    const id = actionForRequest(from, to)
    if (!id || !canTransition(from, to, order.statusBeforeHold ?? null)) throw invalidTransition(order, to)
    const { status: _status, ...fields } = request
    const problem = firstProblem(id, fields, { now: this.sandbox.now(), currentDueDate: order.dueDate })
    if (problem) throw new SandboxError(422, `invalid_${problem.field || 'input'}`, problem.message)
    let reason: string | null = null
    let history: string = VENDOR_ACTIONS[id].history
    switch (request.status) {
      case 3: {
        if (id === 'acceptCounterOffer') {
          const negotiation = order.negotiation
          if (negotiation?.state !== 'client_countered' || !negotiation.clientCounter) {
            throw new SandboxError(409, 'awaiting_client', 'The client has not answered your counter-offer yet.')
          }
          if (negotiation.clientCounter.fee !== null) order.fee = negotiation.clientCounter.fee
          if (negotiation.clientCounter.dueDate !== null) order.dueDate = negotiation.clientCounter.dueDate
          negotiation.state = 'agreed'
        }
        break
      }
      case 4: {
        if (from === 4 && order.negotiation?.state !== 'client_countered') {
          throw new SandboxError(409, 'awaiting_client', 'The client has not answered your counter-offer yet.')
        }
        order.negotiation = {
          state: 'awaiting_client',
          vendorProposal: { requestType: request.requestType, fee: request.proposedFee, dueDate: request.proposedDueDate, explanation: request.explanation.trim() },
          clientCounter: null
        }
        if (from === 4) history = 'Vendor countered again'
        reason = request.explanation.trim()
        break
      }
      case 2: {
        const label = DECLINE_REASONS.find((r) => r.id === request.reason)?.label ?? request.reason
        reason = [label, request.message.trim()].filter(Boolean).join(': ')
        break
      }
      case 14: {
        if (request.slotId !== null && !this.slots(order).some((s) => s.id === request.slotId)) {
          throw new SandboxError(409, 'slot_taken', 'That slot is no longer available. Pick another.')
        }
        const at = new Date(Date.parse(request.inspectionAt)).toISOString()
        reason = `Appointment ${at}`
        order.inspection = { scheduledAt: at, completedAt: null }
        break
      }
      case 15:
        order.inspection = { scheduledAt: order.inspection?.scheduledAt ?? null, completedAt: new Date(Date.parse(request.completedAt)).toISOString() }
        break
      case 8:
        reason = request.reason.trim()
        order.statusBeforeHold = null
        break
    }
    // Answered: the response deadline no longer applies.
    if (from === S.OrderAssigned) order.respondBy = null
    this.transition(order, to, history, { name: user.name, role: 'Vendor' }, 'Desktop app', reason, recordedChanges(id, fields))
    // A declined order goes straight back for reassignment (documented: 2 → 16).
    if (to === S.OrderDeclined) this.transition(order, S.OrderUnassigned, transitionHistory(S.OrderDeclined, S.OrderUnassigned), SYSTEM, 'Platform', null)
  }

  /** Assignments not answered in time go back for reassignment (1 → 16), as the platform does. */
  expireUnanswered(): void {
    const now = this.sandbox.now()
    for (const order of this.data.orders) {
      if (order.status !== S.OrderAssigned || !order.respondBy || Date.parse(order.respondBy) > now) continue
      this.transition(order, S.OrderUnassigned, transitionHistory(S.OrderAssigned, S.OrderUnassigned), SYSTEM, 'Platform', 'No response within the response time')
    }
  }

  // ── The client's side of holds, delivery and ROV, driven through the control plane ──

  /** The client puts an active order on hold; reactivation returns it to where it was. */
  hold(order: SandboxOrder, reason: string): void {
    if (reason.trim() === '') throw new SandboxError(422, 'reason_required', 'A hold needs a reason.')
    if (!canTransition(order.status, S.OnHold)) throw invalidTransition(order, S.OnHold)
    order.statusBeforeHold = order.status
    this.transition(order, S.OnHold, transitionHistory(order.status, S.OnHold), this.clientActor(order), 'Client portal', reason.trim())
  }

  resume(order: SandboxOrder): void {
    const back = order.statusBeforeHold ?? null
    if (order.status !== S.OnHold || back === null) throw new SandboxError(409, 'not_on_hold', 'This order is not on hold.')
    order.statusBeforeHold = null
    this.transition(order, back as OrderStatusCode, 'Order reactivated', this.clientActor(order), 'Client portal', null)
  }

  /** The client delivers the accepted report to the lender; the vendor's invoice follows delivery. */
  deliver(order: SandboxOrder): void {
    if (order.status !== S.ReportAccepted) throw new SandboxError(409, 'not_accepted', 'Only an accepted report can be delivered.')
    if (this.data.payments.some((p) => p.orderId === order.id)) throw new SandboxError(409, 'already_delivered', 'This order was already delivered.')
    this.record(order, order.status, order.status, 'Report delivered to the lender', this.clientActor(order), 'Client portal', null)
    this.data.payments.push({ orderId: order.id, amount: order.fee, status: 'unpaid', invoiceNumber: `INV-${order.id.slice(4)}`, invoicedAt: new Date(this.sandbox.now()).toISOString(), paidAt: null })
    this.sandbox.changed()
  }

  /** A reconsideration of value, from the borrower (through their token link) or the client. */
  reconsideration(order: SandboxOrder, from: 'borrower' | 'client', reason: string): void {
    const to = from === 'borrower' ? S.RovBorrower : S.RovClient
    if (reason.trim() === '') throw new SandboxError(422, 'reason_required', 'A reconsideration of value needs a reason.')
    if (!canTransition(order.status, to)) throw invalidTransition(order, to)
    const actor = from === 'borrower' ? { name: order.borrowerName, role: 'Borrower' } : this.clientActor(order)
    this.data.revisions.push({
      id: id('rev'),
      orderId: order.id,
      type: 'Reconsideration of value',
      reason: reason.trim(),
      requestedAt: new Date(this.sandbox.now()).toISOString(),
      requestedBy: actor.name,
      source: from,
      answeredBySubmissionId: null
    })
    this.transition(order, to, transitionHistory(order.status, to), actor, from === 'borrower' ? 'Borrower link' : 'Client portal', reason.trim())
  }

  slots(order: SandboxOrder) {
    const base = new Date()
    base.setUTCHours(0, 0, 0, 0)
    const slots = []
    for (let day = 1; day <= 3; day++) {
      for (const hour of [14, 18]) {
        const start = base.getTime() + day * DAY + hour * 3_600_000
        slots.push({ id: `slot-${order.id}-${day}-${hour}`, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() })
      }
    }
    return slots
  }

  listSubmissions(order: SandboxOrder): Submission[] {
    return this.data.submissions.filter((s) => s.orderId === order.id).sort((a, b) => a.version - b.version).map(toPlatformSubmission)
  }

  /** 409 unless the order can take a report now (a first delivery, a revision, an ROV). */
  private assertTakesReport(order: SandboxOrder): void {
    if (!inSet('takesReport', order.status)) {
      throw new SandboxError(409, 'no_report_expected', `This order is ${statusName(order.status)}; it does not take a report now.`)
    }
  }

  createSubmission(order: SandboxOrder, files: { name: string; size: number; contentType: string }[]): Submission {
    this.assertTakesReport(order)
    const version = this.data.submissions.filter((s) => s.orderId === order.id).length + 1
    const submissionId = id('sub')
    const submission: SandboxSubmission = {
      id: submissionId,
      orderId: order.id,
      version,
      status: 'draft',
      createdAt: new Date().toISOString(),
      submittedAt: null,
      files: files.map((f, i) => ({ ...f, id: `${submissionId}-f${i + 1}`, sha256: null, uploaded: false, storedAs: null }))
    }
    this.data.submissions.push(submission)
    this.sandbox.changed()
    return toPlatformSubmission(submission)
  }

  /** Streams the bytes to disk: memory stays flat whatever the file's size. */
  async receiveFile(order: SandboxOrder, submissionId: string, fileId: string, body: ReadableStream<Uint8Array> | null) {
    const submission = this.findSubmission(order, submissionId)
    if (submission.status !== 'draft') throw new SandboxError(409, 'already_submitted', 'This submission was already sent.')
    this.assertTakesReport(order)
    const file = submission.files.find((f) => f.id === fileId)
    if (!file) throw new SandboxError(404, 'not_found', 'No such file in this submission.')
    if (!body) throw new SandboxError(400, 'empty_body', 'The file body is missing.')
    const target = join(this.filesDir, `${fileId}`)
    const partial = `${target}.part`
    const hash = createHash('sha256')
    let size = 0
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        hash.update(chunk)
        callback(null, chunk)
      }
    })
    try {
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), measure, createWriteStream(partial))
    } catch {
      // The client went away mid-file (cancelled, or the connection broke): nothing is kept.
      await rm(partial, { force: true })
      throw new SandboxError(400, 'upload_interrupted', 'The upload was interrupted before the whole file arrived.')
    }
    if (size !== file.size) {
      await rm(partial, { force: true })
      throw new SandboxError(422, 'size_mismatch', `Expected ${file.size} bytes for ${file.name}, received ${size}.`)
    }
    await rename(partial, target)
    file.uploaded = true
    file.sha256 = hash.digest('hex')
    file.storedAs = target
    this.sandbox.changed()
    return { size, sha256: file.sha256 }
  }

  submit(user: SandboxUser, order: SandboxOrder, submissionId: string): void {
    const submission = this.findSubmission(order, submissionId)
    if (submission.status === 'submitted') throw new SandboxError(409, 'already_submitted', 'This submission was already sent.')
    const missing = submission.files.filter((f) => !f.uploaded)
    if (missing.length > 0) throw new SandboxError(422, 'files_missing', `Upload ${missing.map((f) => f.name).join(', ')} first.`)
    this.assertTakesReport(order)
    this.assertTransition(order, S.ReportSubmitted)
    submission.status = 'submitted'
    submission.submittedAt = new Date(this.sandbox.now()).toISOString()
    for (const r of this.data.revisions) if (r.orderId === order.id && r.answeredBySubmissionId === null) r.answeredBySubmissionId = submission.id
    const what = inSet('rov', order.status) ? 'ROV answered with a revised report' : 'Report submitted'
    this.transition(order, S.ReportSubmitted, `${what} (version ${submission.version})`, { name: user.name, role: 'Vendor' }, 'Desktop app', submission.files.map((f) => f.name).join(', '))
  }

  // ── The client's side, driven through the control plane ──

  qc(order: SandboxOrder, decision: 'accept' | 'revision', reason: string): void {
    const client = this.clientName(order)
    if (decision === 'accept') {
      // Accepted, not yet invoiced: the invoice follows delivery (deliver()).
      this.assertTransition(order, S.ReportAccepted)
      this.transition(order, S.ReportAccepted, 'Report accepted', { name: `${client} QC`, role: 'QC Reviewer' }, 'Admin portal', reason || null)
      return
    }
    if (reason.trim() === '') throw new SandboxError(422, 'reason_required', 'A revision needs a reason.')
    this.assertTransition(order, 12)
    this.data.revisions.push({
      id: id('rev'),
      orderId: order.id,
      type: 'QC revision',
      reason: reason.trim(),
      requestedAt: new Date().toISOString(),
      requestedBy: `${client} QC`,
      source: 'qc',
      answeredBySubmissionId: null
    })
    this.transition(order, 12, 'Revision requested', { name: `${client} QC`, role: 'QC Reviewer' }, 'Admin portal', reason.trim())
  }

  answerConditions(order: SandboxOrder, decision: 'accept' | 'counter', fee: number | null, dueDate: string | null, note: string): void {
    const negotiation = order.negotiation
    if (order.status !== S.AcceptedWithConditions || negotiation?.state !== 'awaiting_client') {
      throw new SandboxError(409, 'not_awaiting_client', 'This order has no counter-offer waiting for the client.')
    }
    const client = this.clientActor(order)
    if (decision === 'accept') {
      if (negotiation.vendorProposal.fee !== null) order.fee = negotiation.vendorProposal.fee
      if (negotiation.vendorProposal.dueDate !== null) order.dueDate = negotiation.vendorProposal.dueDate
      negotiation.state = 'agreed'
      this.transition(order, 3, "Client accepted the vendor's conditions", client, 'Client portal', note || null)
      return
    }
    negotiation.state = 'client_countered'
    negotiation.clientCounter = { fee, dueDate, note }
    this.record(order, 4, 4, 'Client countered', client, 'Client portal', note || null)
    this.sandbox.changed()
  }

  private assertTransition(order: SandboxOrder, to: number): void {
    if (!canTransition(order.status, to, order.statusBeforeHold ?? null)) throw invalidTransition(order, to)
  }

  private clientActor(order: SandboxOrder): { name: string; role: string } {
    return { name: this.clientName(order), role: 'Client User' }
  }

  private transition(order: SandboxOrder, to: number, action: string, actor: { name: string; role: string }, channel: string, reason: string | null, changes: RecordedChanges | null = null): void {
    const from = order.status
    order.status = to
    order.updatedAt = new Date(this.sandbox.now()).toISOString()
    this.record(order, to, from, action, actor, channel, reason, changes)
    this.sandbox.changed()
  }

  private record(order: SandboxOrder, status: number, previousStatus: number, action: string, actor: { name: string; role: string }, channel: string, reason: string | null, changes: RecordedChanges | null = null): void {
    const entry: SandboxHistoryRecord = {
      id: id('h'),
      orderId: order.id,
      at: new Date(this.sandbox.now()).toISOString(),
      action,
      status,
      previousStatus,
      actor,
      channel,
      reason,
      changes,
      vendorVisible: true
    }
    this.data.history.push(entry)
  }

  private findSubmission(order: SandboxOrder, submissionId: string): SandboxSubmission {
    const submission = this.data.submissions.find((s) => s.id === submissionId && s.orderId === order.id)
    if (!submission) throw new SandboxError(404, 'not_found', 'Submission not found.')
    return submission
  }

  private clientName(order: SandboxOrder): string {
    return this.data.clients.find((c) => c.id === order.clientId)?.name ?? order.clientId
  }
}

function toPlatformSubmission(s: SandboxSubmission): Submission {
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    createdAt: s.createdAt,
    submittedAt: s.submittedAt,
    files: s.files.map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.contentType, sha256: f.sha256, uploaded: f.uploaded }))
  }
}
