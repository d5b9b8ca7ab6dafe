/** Every vendor action, declared once: where it is offered, where it leads, its inputs and rules, effects and history. */
import { z } from 'zod'
import { ORDER_STATUS as S, type OrderStatusCode } from './status-codes'
import { STATUS_SETS, inSet } from './status-sets'
import type { Effect } from './effects'
import { canTransition } from './transitions'

/** The messages a refused input gets: shown next to the form, and answered by the sandbox's 422. */
export const FIELD_MESSAGES = {
  requestType: 'Choose what you are asking for.',
  feeRequired: 'Enter the fee you propose.',
  feePositive: 'Enter the fee as a positive number, like 650.',
  dueDateRequired: 'Enter the due date you propose.',
  dueDateLater: 'The proposed due date must be later than the current one.',
  explanation: 'Explain your conditions to the client.',
  declineReason: 'Choose a reason for declining.',
  declineMessage: 'Say why you are declining.',
  cancelReason: 'A reason is required to cancel.',
  validDate: 'Enter a valid date and time.',
  inspectionInPast: 'The inspection time must be in the future.',
  completionInFuture: 'The completion time cannot be in the future.'
} as const

export const DECLINE_REASONS = [
  { id: 'too_busy', label: 'Too busy' },
  { id: 'out_of_coverage', label: 'Out of coverage area' },
  { id: 'other', label: 'Other' }
] as const
export type DeclineReason = (typeof DECLINE_REASONS)[number]['id']

export const CONDITION_TYPES = [
  { id: 'fee_increase', label: 'Fee increase', fee: true, dueDate: false },
  { id: 'due_date_extension', label: 'Due-date extension', fee: false, dueDate: true },
  { id: 'fee_and_due_date', label: 'Fee and due date', fee: true, dueDate: true },
  { id: 'other', label: 'Other', fee: false, dueDate: false }
] as const
export type ConditionType = (typeof CONDITION_TYPES)[number]['id']
export const conditionType = (id: string) => CONDITION_TYPES.find((c) => c.id === id)

/** What a rule may need beyond the input: the time (now, when absent), and the order's current due date. */
export interface RuleContext {
  now?: number
  currentDueDate?: string | null
}
const nowOf = (ctx: RuleContext) => ctx.now ?? Date.now()

/** Slack for clocks that disagree a little. */
const CLOCK_SLACK_MS = 5 * 60_000
const isoDate = z.string().max(64).refine((v) => !Number.isNaN(Date.parse(v)), FIELD_MESSAGES.validDate)
const text = (max: number) => z.string().max(max)

const noFields = () => z.object({})

const counterOfferFields = (ctx: RuleContext) =>
  z
    .object({
      requestType: z.enum(CONDITION_TYPES.map((c) => c.id) as [ConditionType, ...ConditionType[]], { message: FIELD_MESSAGES.requestType }),
      proposedFee: z.number({ message: FIELD_MESSAGES.feePositive }).positive(FIELD_MESSAGES.feePositive).max(100_000).nullable(),
      proposedDueDate: isoDate.nullable(),
      explanation: text(2000)
    })
    .superRefine((v, context) => {
      if (v.explanation.trim() === '') context.addIssue({ code: 'custom', path: ['explanation'], message: FIELD_MESSAGES.explanation })
      const type = conditionType(v.requestType)
      if (type?.fee && v.proposedFee === null) context.addIssue({ code: 'custom', path: ['proposedFee'], message: FIELD_MESSAGES.feeRequired })
      if (type?.dueDate) {
        if (v.proposedDueDate === null) context.addIssue({ code: 'custom', path: ['proposedDueDate'], message: FIELD_MESSAGES.dueDateRequired })
        else if (ctx.currentDueDate && Date.parse(v.proposedDueDate) <= Date.parse(ctx.currentDueDate)) {
          context.addIssue({ code: 'custom', path: ['proposedDueDate'], message: FIELD_MESSAGES.dueDateLater })
        }
      }
    })

const declineFields = () =>
  z
    .object({
      reason: z.enum(DECLINE_REASONS.map((r) => r.id) as [DeclineReason, ...DeclineReason[]], { message: FIELD_MESSAGES.declineReason }),
      message: text(2000)
    })
    .superRefine((v, context) => {
      if (v.reason === 'other' && v.message.trim() === '') context.addIssue({ code: 'custom', path: ['message'], message: FIELD_MESSAGES.declineMessage })
    })

const inspectionFields = (ctx: RuleContext) =>
  z.object({ inspectionAt: isoDate, slotId: z.string().max(200).nullable() }).superRefine((v, context) => {
    if (Date.parse(v.inspectionAt) < nowOf(ctx) - CLOCK_SLACK_MS) context.addIssue({ code: 'custom', path: ['inspectionAt'], message: FIELD_MESSAGES.inspectionInPast })
  })

const completionFields = (ctx: RuleContext) =>
  z.object({ completedAt: isoDate }).superRefine((v, context) => {
    if (Date.parse(v.completedAt) > nowOf(ctx) + CLOCK_SLACK_MS) context.addIssue({ code: 'custom', path: ['completedAt'], message: FIELD_MESSAGES.completionInFuture })
  })

const cancelFields = () =>
  z.object({ reason: text(2000) }).superRefine((v, context) => {
    if (v.reason.trim() === '') context.addIssue({ code: 'custom', path: ['reason'], message: FIELD_MESSAGES.cancelReason })
  })

/** Where the client stands on a counter-offer (status 4). */
export type NegotiationState = 'awaiting_client' | 'client_countered' | 'agreed' | null

const CLIENT_HAS_NOT_ANSWERED = 'The client has not answered your counter-offer yet.'
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)
const instant = (value: unknown): string => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value)).toISOString() : String(value))

/** A condition on the negotiation beyond the status, and what a refused request is told. */
export interface NegotiationCondition {
  allows: (negotiation: NegotiationState) => boolean
  otherwise: string
}

interface ActionSpec {
  label: string
  to: OrderStatusCode
  from: readonly OrderStatusCode[]
  /** Offered only while this holds too (e.g. the client has countered). */
  when?: NegotiationCondition
  /** The inputs and their rules; the same for the form, the IPC call and the sandbox. */
  fields: (ctx: RuleContext) => z.ZodObject
  /** What the history records when it is done (by the status it leaves, where that reads differently). */
  history: string
  historyFrom?: Partial<Record<OrderStatusCode, string>>
  /** The "why" of its history record, from its inputs. */
  why?: (fields: Record<string, unknown>) => string | null
  /** What it does to the order besides the status (see effects.ts). */
  effects: readonly Effect[]
  /** The platform's own move that follows at once (a declined order goes back for reassignment). */
  then?: 'returnDeclined'
  /** Done at the property: may be queued while offline and sent when the network returns. */
  field?: boolean
  /**
   * The inputs its history record carries (as `changes`): what tells this change from another of
   * the same kind — a reschedule to 3 PM is not one to 2 PM.
   */
  recorded: readonly string[]
}

/**
 * Every vendor action, declared once: where it is offered, where it leads, its label, its inputs
 * and their rules. The IPC schema, the platform request, the forms' validation, the sandbox's
 * checks and the "already applied" test of reconciled writes all come from here.
 */
export const VENDOR_ACTIONS = {
  accept: { label: 'Accept', to: S.OrderAccepted, from: [S.OrderAssigned], fields: noFields, history: 'Order accepted', effects: ['endResponseDeadline'], recorded: [] },
  acceptCounterOffer: {
    label: "Accept the client's terms",
    to: S.OrderAccepted,
    from: [S.AcceptedWithConditions],
    when: { allows: (n) => n === 'client_countered', otherwise: CLIENT_HAS_NOT_ANSWERED },
    fields: noFields,
    history: "Vendor accepted the client's terms",
    effects: ['takeClientTerms'],
    recorded: []
  },
  counterOffer: {
    label: 'Counter-offer',
    to: S.AcceptedWithConditions,
    from: [S.OrderAssigned, S.AcceptedWithConditions],
    when: { allows: (n) => n === null || n === 'client_countered', otherwise: CLIENT_HAS_NOT_ANSWERED },
    fields: counterOfferFields,
    history: 'Accepted with conditions',
    historyFrom: { [S.AcceptedWithConditions]: 'Vendor countered again' },
    why: (f) => textOf(f.explanation),
    effects: ['endResponseDeadline', 'proposeConditions'],
    recorded: ['requestType', 'proposedFee', 'proposedDueDate']
  },
  decline: {
    label: 'Decline',
    to: S.OrderDeclined,
    from: STATUS_SETS.awaiting,
    fields: declineFields,
    history: 'Order declined',
    why: (f) => [DECLINE_REASONS.find((r) => r.id === f.reason)?.label ?? textOf(f.reason), textOf(f.message)].filter(Boolean).join(': ') || null,
    effects: ['endResponseDeadline'],
    then: 'returnDeclined',
    recorded: ['reason']
  },
  startWork: { label: 'Start work', to: S.InProgress, from: [S.OrderAccepted], fields: noFields, history: 'Work started', effects: [], recorded: [] },
  scheduleInspection: {
    label: 'Schedule inspection',
    to: S.InspectionScheduled,
    from: STATUS_SETS.working,
    fields: inspectionFields,
    history: 'Inspection scheduled',
    why: (f) => `Appointment ${instant(f.inspectionAt)}`,
    effects: ['setAppointment'],
    field: true,
    recorded: ['inspectionAt']
  },
  rescheduleInspection: {
    label: 'Reschedule',
    to: S.InspectionScheduled,
    from: [S.InspectionScheduled],
    fields: inspectionFields,
    history: 'Inspection rescheduled',
    why: (f) => `Appointment ${instant(f.inspectionAt)}`,
    effects: ['setAppointment'],
    field: true,
    recorded: ['inspectionAt']
  },
  completeInspection: {
    label: 'Mark inspection complete',
    to: S.InspectionCompleted,
    from: [S.InspectionScheduled],
    fields: completionFields,
    history: 'Inspection completed',
    effects: ['recordCompletion'],
    field: true,
    recorded: ['completedAt']
  },
  cancel: {
    label: 'Cancel order',
    to: S.Cancelled,
    // Every active state but the ones answered by Decline, and On Hold.
    from: [...STATUS_SETS.active.filter((c) => !inSet('awaiting', c) && c !== S.OrderUnassigned), S.OnHold],
    fields: cancelFields,
    history: 'Order cancelled by vendor',
    why: (f) => textOf(f.reason),
    effects: ['forgetHeldFrom'],
    recorded: ['reason']
  }
} as const satisfies Record<string, ActionSpec>

export type StatusActionId = keyof typeof VENDOR_ACTIONS
/** Uploading a report is an action too, done through submissions rather than the status endpoint. */
export const UPLOAD_REPORT = {
  label: 'Upload report',
  to: S.ReportSubmitted,
  from: STATUS_SETS.takesReport,
  history: 'Report submitted',
  historyFrom: { [S.RovBorrower]: 'ROV answered with a revised report', [S.RovClient]: 'ROV answered with a revised report' },
  effects: ['answerOpenRevision']
} as const satisfies Pick<ActionSpec, 'label' | 'to' | 'from' | 'history' | 'historyFrom' | 'effects'>

/** The history record's text for an action leaving `from`. */
export function actionHistory(id: VendorActionId, from: number): string {
  const spec: Pick<ActionSpec, 'history' | 'historyFrom'> = id === 'uploadReport' ? UPLOAD_REPORT : VENDOR_ACTIONS[id]
  return spec.historyFrom?.[from as OrderStatusCode] ?? spec.history
}

/** The "why" its history record carries, from the action's inputs. */
export function actionReason(id: StatusActionId, fields: object): string | null {
  return (VENDOR_ACTIONS[id] as ActionSpec).why?.(fields as Record<string, unknown>) ?? null
}

export function actionEffects(id: VendorActionId): readonly Effect[] {
  return id === 'uploadReport' ? UPLOAD_REPORT.effects : (VENDOR_ACTIONS[id] as ActionSpec).effects
}

/** The platform's move that follows the action at once, if any. */
export function actionFollowUp(id: StatusActionId): 'returnDeclined' | null {
  return (VENDOR_ACTIONS[id] as ActionSpec).then ?? null
}
export type VendorActionId = StatusActionId | 'uploadReport'

const STATUS_ACTION_IDS = Object.keys(VENDOR_ACTIONS) as StatusActionId[]

/** Actions done at the property, which may wait offline to be sent. */
export function isFieldAction(id: StatusActionId): boolean {
  return (VENDOR_ACTIONS[id] as ActionSpec).field === true
}

export function actionLabel(id: VendorActionId): string {
  return id === 'uploadReport' ? UPLOAD_REPORT.label : VENDOR_ACTIONS[id].label
}

const allowedNow = (spec: ActionSpec, negotiation: NegotiationState) => !spec.when || spec.when.allows(negotiation === 'agreed' ? null : negotiation)

/** The vendor actions offered for an order now (in a fixed order), from the table above. */
export function availableActions(statusCode: number, negotiation: NegotiationState = null, heldFrom: number | null = null): VendorActionId[] {
  const offered: VendorActionId[] = STATUS_ACTION_IDS.filter((id) => {
    const spec: ActionSpec = VENDOR_ACTIONS[id]
    if (!(spec.from as readonly number[]).includes(statusCode)) return false
    if (!canTransition(statusCode, spec.to, heldFrom)) return false
    return allowedNow(spec, negotiation)
  })
  if ((UPLOAD_REPORT.from as readonly number[]).includes(statusCode)) offered.splice(offered.indexOf('cancel') >= 0 ? offered.indexOf('cancel') : offered.length, 0, 'uploadReport')
  return offered
}

/**
 * Which action a status request is, given the status it leaves and where the negotiation stands
 * (accept and "accept the client's terms" both lead to 3): an action only matches while its `when`
 * holds. Refused: `null` with why, when an action would match but for its condition.
 */
export function actionForRequest(from: number, to: number, negotiation: NegotiationState = null): { id: StatusActionId } | { id: null; refusal: string | null } {
  const candidates = STATUS_ACTION_IDS.filter((id) => VENDOR_ACTIONS[id].to === to && (VENDOR_ACTIONS[id].from as readonly number[]).includes(from))
  const id = candidates.find((candidate) => allowedNow(VENDOR_ACTIONS[candidate], negotiation))
  if (id) return { id }
  const refused = candidates.map((candidate) => (VENDOR_ACTIONS[candidate] as ActionSpec).when?.otherwise).find(Boolean)
  return { id: null, refusal: refused ?? null }
}

/** The input's rules, as the form, the IPC call and the sandbox apply them. */
export function actionFields(id: StatusActionId, ctx: RuleContext): z.ZodObject {
  return (VENDOR_ACTIONS[id] as ActionSpec).fields(ctx)
}

/** The first rule an input breaks, as { field, message }; null when it passes. */
export function firstProblem(id: StatusActionId, input: unknown, ctx: RuleContext): { field: string; message: string } | null {
  const result = actionFields(id, ctx).safeParse(input)
  if (result.success) return null
  const issue = result.error.issues[0]
  return { field: String(issue?.path[0] ?? ''), message: issue?.message ?? 'Check the details and try again.' }
}

/** Every field's first broken rule, field by field, in the form's order: what a form says all at once. */
export function allProblems(id: StatusActionId, input: unknown, ctx: RuleContext): { field: string; message: string }[] {
  const result = actionFields(id, ctx).safeParse(input)
  if (result.success) return []
  const byField = new Map<string, string>()
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!byField.has(field)) byField.set(field, issue.message)
  }
  return [...byField].map(([field, message]) => ({ field, message }))
}

type FieldsOutput<K extends StatusActionId> = z.output<ReturnType<(typeof VENDOR_ACTIONS)[K]['fields']>>
/** An action without inputs parses to `Record<string, never>`; as part of an action it adds nothing. */
type FieldsOf<K extends StatusActionId> = string extends keyof FieldsOutput<K> ? unknown : FieldsOutput<K>
type ActionInput<K extends StatusActionId> = { type: K } & FieldsOf<K>
/** What the vendor asks for: one variant per action of the table. */
export type OrderAction = { [K in StatusActionId]: ActionInput<K> }[StatusActionId]

/** The IPC schema of "perform an action": one variant per action of the table, with its rules (judged at parse time). */
export const OrderActionSchema = z.discriminatedUnion(
  'type',
  STATUS_ACTION_IDS.map((id) => actionFields(id, {}).extend({ type: z.literal(id) })) as unknown as [z.ZodObject, ...z.ZodObject[]]
) as unknown as z.ZodType<OrderAction>

/** What a history record says was set by the change (the action's recorded inputs). */
export type RecordedChanges = Record<string, string | number | null>

/** The inputs of an action its history record carries, as the platform records them (times as ISO instants). */
export function recordedChanges(id: StatusActionId, fields: object): RecordedChanges {
  const values = fields as Record<string, unknown>
  const changes: RecordedChanges = {}
  for (const name of (VENDOR_ACTIONS[id] as ActionSpec).recorded) changes[name] = normalizeRecorded(values[name])
  return changes
}

function normalizeRecorded(value: unknown): string | number | null {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return null
  const text = value.trim()
  // Instants compare as instants, whatever their zone or precision.
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString()
  return text
}

/**
 * A history record is "this write applied" when it is the action's transition, made by the vendor,
 * with the same recorded inputs: an earlier schedule for 2 PM is not a reschedule to 3 PM.
 */
export function isAppliedRecord(action: OrderAction, record: { status?: number | null; actorRole: string; changes?: RecordedChanges | null }): boolean {
  if (record.status !== VENDOR_ACTIONS[action.type].to || record.actorRole !== 'Vendor') return false
  const wanted = recordedChanges(action.type, action)
  return Object.entries(wanted).every(([name, value]) => record.changes !== null && record.changes !== undefined && normalizeRecorded(record.changes[name]) === value)
}

type StatusRequestOf<K extends StatusActionId> = { status: (typeof VENDOR_ACTIONS)[K]['to'] } & FieldsOf<K>
/** "The order status endpoint"'s body: the target status and the action's fields. */
export type StatusUpdateRequest = { [K in StatusActionId]: StatusRequestOf<K> }[StatusActionId]

/** The action as the platform request: the target status and the same fields. */
export function toStatusRequest(action: OrderAction): StatusUpdateRequest {
  const { type, ...fields } = action
  return { status: VENDOR_ACTIONS[type].to, ...fields } as StatusUpdateRequest
}

/**
 * The wire shape of a status request: field types only (a malformed body is a 400). The rules —
 * a missing reason, a date in the past — are the actions' and answered 422 by the platform.
 */
export const StatusUpdateRequestSchema = z.discriminatedUnion(
  'status',
  [...new Map(STATUS_ACTION_IDS.map((id) => [VENDOR_ACTIONS[id].to, id])).entries()].map(([to, id]) =>
    z.object({ ...actionFields(id, {}).shape, status: z.literal(to) })
  ) as unknown as [z.ZodObject, ...z.ZodObject[]]
) as unknown as z.ZodType<StatusUpdateRequest>
