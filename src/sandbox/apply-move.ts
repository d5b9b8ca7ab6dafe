/**
 * Moves orders the way the platform does, through the action table: a vendor's status request is
 * matched to its action (with its `when`), checked against the state machine (409) and the action's
 * rules (422), then its effects are applied and its history recorded — as the table declares them.
 * Platform-side events (hold, resume, delivery, QC, ROV, reassignment) go through the same path.
 */
import { randomBytes } from 'node:crypto'
import type { StatusUpdateRequest } from '../platform/schemas'
import {
  actionEffects,
  actionFollowUp,
  actionForRequest,
  actionHistory,
  actionReason,
  canTransition,
  firstProblem,
  platformEvent,
  recordedChanges,
  UPLOAD_REPORT,
  type Effect,
  type NegotiationState,
  type PlatformEventId,
  type RecordedChanges
} from '../shared/order-workflow'
import { statusName } from '../shared/order-workflow'
import type { SandboxHistoryRecord, SandboxOrder, SandboxUser } from './model'
import { SandboxError } from './sandbox-error'
import type { SandboxState } from './state'

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`

/** What a move brings besides its status: the inputs of the action, or the event's details. */
export interface MoveInput {
  reason?: string
  fee?: number | null
  dueDate?: string | null
  note?: string
  [field: string]: unknown
}

interface Actor {
  name: string
  role: string
}

const invalidTransition = (order: SandboxOrder, to: number) =>
  new SandboxError(409, 'invalid_transition', `This order is ${statusName(order.status)}; it cannot move to ${statusName(to)}.`)

const negotiationOf = (order: SandboxOrder): NegotiationState => order.negotiation?.state ?? null

export class OrderMoves {
  constructor(
    private readonly state: SandboxState,
    private readonly slotsOf: (order: SandboxOrder) => { id: string }[]
  ) {}

  private get data() {
    return this.state.data
  }

  /** "The order status endpoint": the vendor's request, as the action table allows it. */
  applyAction(user: SandboxUser, order: SandboxOrder, request: StatusUpdateRequest): void {
    const from = order.status
    const { status: to, ...fields } = request
    const match = actionForRequest(from, to, negotiationOf(order))
    if (match.id === null) throw match.refusal ? new SandboxError(409, 'not_allowed_now', match.refusal) : invalidTransition(order, to)
    const action = match.id
    if (!canTransition(from, to, order.statusBeforeHold ?? null)) throw invalidTransition(order, to)
    const problem = firstProblem(action, fields, { now: this.state.now(), currentDueDate: order.dueDate })
    if (problem) throw new SandboxError(422, `invalid_${problem.field || 'input'}`, problem.message)
    this.applyEffects(actionEffects(action), order, fields)
    this.move(order, to, actionHistory(action, from), { name: user.name, role: 'Vendor' }, 'Desktop app', actionReason(action, fields), recordedChanges(action, fields))
    const followUp = actionFollowUp(action)
    if (followUp) this.applyEvent(followUp, order)
  }

  /** A report submission moves the order on, as the table's upload action declares it. */
  applySubmission(user: SandboxUser, order: SandboxOrder, submission: { id: string; version: number; files: string }): void {
    if (!canTransition(order.status, UPLOAD_REPORT.to, order.statusBeforeHold ?? null)) throw invalidTransition(order, UPLOAD_REPORT.to)
    const history = `${actionHistory('uploadReport', order.status)} (version ${submission.version})`
    this.applyEffects(actionEffects('uploadReport'), order, { submissionId: submission.id })
    this.move(order, UPLOAD_REPORT.to, history, { name: user.name, role: 'Vendor' }, 'Desktop app', submission.files)
  }

  /** Something on the platform's side happens to the order, as the table declares it. */
  applyEvent(event: PlatformEventId, order: SandboxOrder, input: MoveInput = {}): void {
    const spec = platformEvent(event)
    if (!(spec.from as readonly number[]).includes(order.status)) {
      throw new SandboxError(409, 'not_allowed_now', `This order is ${statusName(order.status)}; “${spec.history}” does not apply to it.`)
    }
    if (spec.when && !spec.when.allows(negotiationOf(order))) throw new SandboxError(409, 'not_allowed_now', spec.when.otherwise)
    if (spec.once && this.data.history.some((h) => h.orderId === order.id && h.action === spec.history)) throw new SandboxError(409, 'already_done', spec.once)
    const to = spec.to === 'heldFrom' ? (order.statusBeforeHold ?? null) : spec.to
    if (spec.to === 'heldFrom' && to === null) throw new SandboxError(409, 'not_on_hold', 'This order is not on hold.')
    if (to !== null && !canTransition(order.status, to, order.statusBeforeHold ?? null)) throw invalidTransition(order, to)
    let reason: string | null = null
    if (spec.reason && 'fixed' in spec.reason) reason = spec.reason.fixed
    if (spec.reason && 'required' in spec.reason) {
      reason = typeof input.reason === 'string' ? input.reason.trim() : ''
      if (reason === '') throw new SandboxError(422, 'reason_required', spec.reason.required)
    }
    const actor = spec.by === 'Borrower' ? { name: order.borrowerName, role: 'Borrower' } : spec.by === 'Client User' ? { name: this.clientName(order), role: 'Client User' } : spec.by === 'QC Reviewer' ? { name: `${this.clientName(order)} QC`, role: 'QC Reviewer' } : spec.by === 'Operations' ? { name: 'OmniValVMS Operations', role: 'Operations' } : { name: 'OmniValVMS', role: 'System' }
    this.applyEffects(spec.effects, order, { ...input, reason: reason ?? undefined, event })
    if (to === null) this.record(order, order.status, order.status, spec.history, actor, spec.channel, reason)
    else this.move(order, to, spec.history, actor, spec.channel, reason)
  }

  /** Assignments not answered in time go back for reassignment, as the platform does. */
  expireUnanswered(): void {
    const now = this.state.now()
    for (const order of this.data.orders) {
      if (!(platformEvent('expireAssignment').from as readonly number[]).includes(order.status) || !order.respondBy || Date.parse(order.respondBy) > now) continue
      this.applyEvent('expireAssignment', order)
    }
  }

  /** Each effect the table names, carried out once, here. */
  private applyEffects(effects: readonly Effect[], order: SandboxOrder, input: MoveInput): void {
    const now = this.state.nowIso()
    for (const effect of effects) {
      switch (effect) {
        case 'endResponseDeadline':
          order.respondBy = null
          break
        case 'proposeConditions':
          order.negotiation = {
            state: 'awaiting_client',
            vendorProposal: { requestType: String(input.requestType), fee: (input.proposedFee as number | null) ?? null, dueDate: (input.proposedDueDate as string | null) ?? null, explanation: String(input.explanation ?? '').trim() },
            clientCounter: null
          }
          break
        case 'takeClientTerms': {
          const counter = order.negotiation?.clientCounter
          if (counter?.fee !== null && counter?.fee !== undefined) order.fee = counter.fee
          if (counter?.dueDate) order.dueDate = counter.dueDate
          if (order.negotiation) order.negotiation.state = 'agreed'
          break
        }
        case 'takeVendorTerms': {
          const proposal = order.negotiation?.vendorProposal
          if (proposal?.fee !== null && proposal?.fee !== undefined) order.fee = proposal.fee
          if (proposal?.dueDate) order.dueDate = proposal.dueDate
          if (order.negotiation) order.negotiation.state = 'agreed'
          break
        }
        case 'recordClientCounter':
          if (order.negotiation) {
            order.negotiation.state = 'client_countered'
            order.negotiation.clientCounter = { fee: input.fee ?? null, dueDate: input.dueDate ?? null, note: input.note ?? '' }
          }
          break
        case 'setAppointment': {
          const slotId = input.slotId as string | null
          if (slotId !== null && !this.slotsOf(order).some((s) => s.id === slotId)) throw new SandboxError(409, 'slot_taken', 'That slot is no longer available. Pick another.')
          order.inspection = { scheduledAt: new Date(Date.parse(String(input.inspectionAt))).toISOString(), completedAt: null }
          break
        }
        case 'recordCompletion':
          order.inspection = { scheduledAt: order.inspection?.scheduledAt ?? null, completedAt: new Date(Date.parse(String(input.completedAt))).toISOString() }
          break
        case 'rememberHeldFrom':
          order.statusBeforeHold = order.status
          break
        case 'forgetHeldFrom':
          order.statusBeforeHold = null
          break
        case 'openRevision':
        case 'openReconsideration': {
          const rov = effect === 'openReconsideration'
          const source = input.event === 'rovBorrower' ? 'borrower' : input.event === 'qcRevision' ? 'qc' : 'client'
          this.data.revisions.push({
            id: id('rev'),
            orderId: order.id,
            kind: rov ? 'rov' : 'revision',
            type: rov ? 'Reconsideration of value' : source === 'qc' ? 'QC revision' : 'Client revision',
            reason: String(input.reason ?? ''),
            requestedAt: now,
            requestedBy: source === 'borrower' ? order.borrowerName : source === 'qc' ? `${this.clientName(order)} QC` : this.clientName(order),
            source,
            answeredBySubmissionId: null
          })
          break
        }
        case 'answerOpenRevision':
          for (const r of this.data.revisions) if (r.orderId === order.id && r.answeredBySubmissionId === null) r.answeredBySubmissionId = String(input.submissionId ?? 'answered')
          break
        case 'invoice':
          this.data.payments.push({ orderId: order.id, amount: order.fee, status: 'unpaid', invoiceNumber: `INV-${order.id.slice(4)}`, invoicedAt: now, paidAt: null })
          break
      }
    }
  }

  private move(order: SandboxOrder, to: number, action: string, actor: Actor, channel: string, reason: string | null, changes: RecordedChanges | null = null): void {
    const from = order.status
    order.status = to
    order.updatedAt = this.state.nowIso()
    this.record(order, to, from, action, actor, channel, reason, changes)
  }

  private record(order: SandboxOrder, status: number, previousStatus: number, action: string, actor: Actor, channel: string, reason: string | null, changes: RecordedChanges | null = null): void {
    const entry: SandboxHistoryRecord = { id: id('h'), orderId: order.id, at: this.state.nowIso(), action, status, previousStatus, actor, channel, reason, changes, vendorVisible: true }
    this.data.history.push(entry)
    this.state.changed()
  }

  private clientName(order: SandboxOrder): string {
    return this.data.clients.find((c) => c.id === order.clientId)?.name ?? order.clientId
  }
}
