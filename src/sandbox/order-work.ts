import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { CONDITION_TYPES, DECLINE_REASONS, canTransition } from '../shared/order-workflow'
import { statusName } from '../shared/order-status'
import type { StatusUpdateRequest, Submission } from '../platform/schemas'
import type { SandboxHistoryRecord, SandboxOrder, SandboxSubmission, SandboxUser } from './model'
import { SandboxError, type Sandbox } from './sandbox'

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`
const DAY = 86_400_000

/** The vendor's work on an order, as the platform's rules allow it. Every change writes history. */
export class OrderWork {
  constructor(
    private readonly sandbox: Sandbox,
    private readonly filesDir: string
  ) {}

  private get data() {
    return this.sandbox.data
  }

  updateStatus(user: SandboxUser, order: SandboxOrder, request: StatusUpdateRequest): void {
    const from = order.status
    const to = request.status
    this.assertTransition(order, to)
    let action: string
    let reason: string | null = null
    switch (request.status) {
      case 3: {
        if (from === 4) {
          const negotiation = order.negotiation
          if (negotiation?.state !== 'client_countered' || !negotiation.clientCounter) {
            throw new SandboxError(409, 'awaiting_client', 'The client has not answered your counter-offer yet.')
          }
          if (negotiation.clientCounter.fee !== null) order.fee = negotiation.clientCounter.fee
          if (negotiation.clientCounter.dueDate !== null) order.dueDate = negotiation.clientCounter.dueDate
          negotiation.state = 'agreed'
          action = "Vendor accepted the client's terms"
        } else action = 'Order accepted'
        break
      }
      case 4: {
        if (from === 4 && order.negotiation?.state !== 'client_countered') {
          throw new SandboxError(409, 'awaiting_client', 'The client has not answered your counter-offer yet.')
        }
        this.validateConditions(order, request)
        order.negotiation = {
          state: 'awaiting_client',
          vendorProposal: {
            requestType: request.requestType,
            fee: request.proposedFee,
            dueDate: request.proposedDueDate,
            explanation: request.explanation.trim()
          },
          clientCounter: null
        }
        action = from === 4 ? 'Vendor countered again' : 'Accepted with conditions'
        reason = request.explanation.trim()
        break
      }
      case 2: {
        const known = DECLINE_REASONS.find((r) => r.id === request.reason)
        if (!known) throw new SandboxError(422, 'invalid_reason', 'Choose a reason for declining.')
        if (request.reason === 'other' && request.message.trim() === '') {
          throw new SandboxError(422, 'message_required', 'Say why you are declining.')
        }
        action = 'Order declined'
        reason = [known.label, request.message.trim()].filter(Boolean).join(': ')
        break
      }
      case 10:
        action = 'Work started'
        break
      case 14: {
        const at = Date.parse(request.inspectionAt)
        if (Number.isNaN(at)) throw new SandboxError(400, 'invalid_date', 'The inspection time is not a valid date.')
        if (at < Date.now() - 5 * 60_000) throw new SandboxError(422, 'in_the_past', 'The inspection time must be in the future.')
        if (request.slotId !== null && !this.slots(order).some((s) => s.id === request.slotId)) {
          throw new SandboxError(409, 'slot_taken', 'That slot is no longer available. Pick another.')
        }
        action = from === 14 ? 'Inspection rescheduled' : 'Inspection scheduled'
        reason = `Appointment ${new Date(at).toISOString()}`
        order.inspection = { scheduledAt: new Date(at).toISOString(), completedAt: null }
        break
      }
      case 15: {
        const at = Date.parse(request.completedAt)
        if (Number.isNaN(at)) throw new SandboxError(400, 'invalid_date', 'The completion time is not a valid date.')
        if (at > Date.now() + 5 * 60_000) throw new SandboxError(422, 'in_the_future', 'The completion time cannot be in the future.')
        order.inspection = { scheduledAt: order.inspection?.scheduledAt ?? null, completedAt: new Date(at).toISOString() }
        action = 'Inspection completed'
        break
      }
      case 8: {
        if (request.reason.trim() === '') throw new SandboxError(422, 'reason_required', 'A reason is required to cancel.')
        action = 'Order cancelled by vendor'
        reason = request.reason.trim()
        break
      }
    }
    this.transition(order, to, action, { name: user.name, role: 'Vendor' }, 'Desktop app', reason)
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

  createSubmission(order: SandboxOrder, files: { name: string; size: number; contentType: string }[]): Submission {
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
    } catch (error) {
      await rm(partial, { force: true })
      throw error
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
    this.assertTransition(order, 11)
    submission.status = 'submitted'
    submission.submittedAt = new Date().toISOString()
    for (const r of this.data.revisions) if (r.orderId === order.id && r.answeredBySubmissionId === null) r.answeredBySubmissionId = submission.id
    this.transition(order, 11, `Report submitted (version ${submission.version})`, { name: user.name, role: 'Vendor' }, 'Desktop app', submission.files.map((f) => f.name).join(', '))
  }

  // ── The client's side, driven through the control plane ──

  qc(order: SandboxOrder, decision: 'accept' | 'revision', reason: string): void {
    const client = this.clientName(order)
    if (decision === 'accept') {
      this.assertTransition(order, 13)
      this.transition(order, 13, 'Report accepted', { name: `${client} QC`, role: 'QC Reviewer' }, 'Admin portal', reason || null)
      this.data.payments.push({ orderId: order.id, amount: order.fee, status: 'unpaid', invoiceNumber: `INV-${order.id.slice(4)}`, invoicedAt: new Date().toISOString(), paidAt: null })
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
    if (order.status !== 4 || negotiation?.state !== 'awaiting_client') {
      throw new SandboxError(409, 'not_awaiting_client', 'This order has no counter-offer waiting for the client.')
    }
    const client = { name: this.clientName(order), role: 'Client User' }
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

  private validateConditions(order: SandboxOrder, request: Extract<StatusUpdateRequest, { status: 4 }>): void {
    if (!CONDITION_TYPES.some((t) => t.id === request.requestType)) throw new SandboxError(422, 'invalid_type', 'Choose what you are asking for.')
    if (request.explanation.trim() === '') throw new SandboxError(422, 'explanation_required', 'Explain your conditions to the client.')
    const wantsFee = request.requestType === 'fee_increase' || request.requestType === 'fee_and_due_date'
    const wantsDate = request.requestType === 'due_date_extension' || request.requestType === 'fee_and_due_date'
    if (wantsFee && (request.proposedFee === null || request.proposedFee <= 0)) throw new SandboxError(422, 'fee_required', 'Enter the fee you propose.')
    if (wantsDate) {
      const proposed = request.proposedDueDate === null ? NaN : Date.parse(request.proposedDueDate)
      if (Number.isNaN(proposed)) throw new SandboxError(422, 'due_date_required', 'Enter the due date you propose.')
      if (proposed <= Date.parse(order.dueDate)) throw new SandboxError(422, 'due_date_not_later', 'The proposed due date must be later than the current one.')
    }
  }

  private assertTransition(order: SandboxOrder, to: number): void {
    if (!canTransition(order.status, to)) {
      throw new SandboxError(409, 'invalid_transition', `This order is ${statusName(order.status)}; it cannot move to ${statusName(to)}.`)
    }
  }

  private transition(order: SandboxOrder, to: number, action: string, actor: { name: string; role: string }, channel: string, reason: string | null): void {
    const from = order.status
    order.status = to
    order.updatedAt = new Date().toISOString()
    this.record(order, to, from, action, actor, channel, reason)
    this.sandbox.changed()
  }

  private record(order: SandboxOrder, status: number, previousStatus: number, action: string, actor: { name: string; role: string }, channel: string, reason: string | null): void {
    const entry: SandboxHistoryRecord = {
      id: id('h'),
      orderId: order.id,
      at: new Date().toISOString(),
      action,
      status,
      previousStatus,
      actor,
      channel,
      reason,
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
