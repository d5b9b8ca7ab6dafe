/** Accept with conditions: what the appraiser asks for (fee, due date, both, other), and why. */
import type { OrderAction, OrderDetail } from '../../../../shared/ipc/order-schemas'
import { useState, type FormEvent } from 'react'
import { CONDITION_TYPES, allProblems, conditionType, type ConditionType } from '../../../../shared/order-workflow'
import { formatDate, formatMoney } from '../../lib/format'
import { Modal } from '../Modal'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionForm } from './useActionForm'

const INITIAL = { requestType: 'fee_increase', fee: '', dueDate: '', explanation: '' }

const toAction = ({ requestType, fee, dueDate, explanation }: typeof INITIAL) => {
  const type = conditionType(requestType)
  const feeNumber = fee.trim() === '' ? null : Number(fee)
  return {
    type: 'counterOffer' as const,
    requestType: requestType as ConditionType,
    proposedFee: type?.fee && feeNumber !== null && Number.isFinite(feeNumber) ? feeNumber : type?.fee && fee.trim() !== '' ? -1 : null,
    proposedDueDate: type?.dueDate && dueDate ? new Date(`${dueDate}T17:00:00`).toISOString() : null,
    explanation
  }
}

export function CounterOfferDialog(props: {
  order: OrderDetail
  draftKey: string
  busy: boolean
  error: string | null
  onSubmit(action: OrderAction): void
  onClose(): void
}) {
  const ctx = { currentDueDate: props.order.dueDate }
  const form = useActionForm({ draftKey: props.draftKey, initial: INITIAL, toAction, ctx, onSubmit: props.onSubmit })
  // Nothing is called wrong before Send; after it, every field that is missing or wrong says so beside itself.
  const [sent, setSent] = useState(false)
  const { type: _type, ...fields } = form.action
  const problems = sent ? allProblems('counterOffer', fields, ctx) : []
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message ?? null
  const submit = (event: FormEvent) => {
    setSent(true)
    form.submit(event)
  }
  const { requestType, fee, dueDate, explanation } = form.value
  const type = conditionType(requestType)
  const counter = props.order.negotiation?.clientCounter
  const currency = props.order.fee.currency
  return (
    <Modal title="Counter-offer" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <p className="muted">
          Current terms: {formatMoney(props.order.fee.amount, currency)}, due {formatDate(props.order.dueDate)}.
          {counter && ` The client offered ${counter.fee !== null ? formatMoney(counter.fee, currency) : 'the same fee'}${counter.dueDate ? `, due ${formatDate(counter.dueDate)}` : ''}.`}
        </p>
        <div className="field">
          <label htmlFor="counter-type">What you're asking for</label>
          <select id="counter-type" value={requestType} onChange={(e) => form.change({ requestType: e.target.value })}>
            {CONDITION_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {type?.fee && (
          <div className="field">
            <label htmlFor="counter-fee">Proposed fee ({currency})</label>
            <input id="counter-fee" inputMode="decimal" value={fee} aria-invalid={errorOf('proposedFee') !== null} aria-describedby={errorOf('proposedFee') ? 'counter-fee-error' : undefined} onChange={(e) => form.change({ fee: e.target.value })} />
            <FieldError id="counter-fee-error" message={errorOf('proposedFee')} />
          </div>
        )}
        {type?.dueDate && (
          <div className="field">
            <label htmlFor="counter-due">Proposed due date</label>
            <input id="counter-due" type="date" value={dueDate} aria-invalid={errorOf('proposedDueDate') !== null} aria-describedby={errorOf('proposedDueDate') ? 'counter-due-error' : undefined} onChange={(e) => form.change({ dueDate: e.target.value })} />
            <FieldError id="counter-due-error" message={errorOf('proposedDueDate')} />
          </div>
        )}
        <div className="field">
          <label htmlFor="counter-explanation">Explanation for the client</label>
          <textarea id="counter-explanation" rows={3} value={explanation} aria-invalid={errorOf('explanation') !== null} aria-describedby={errorOf('explanation') ? 'counter-explanation-error' : undefined} onChange={(e) => form.change({ explanation: e.target.value })} />
          <FieldError id="counter-explanation-error" message={errorOf('explanation')} />
        </div>
        <DraftNote restored={form.draft.restored} error={form.draft.saveError} saved={form.draft.saved} />
        <FormError message={props.error} />
        <DialogButtons
          submitLabel="Send counter-offer"
          busyLabel="Sending…"
          busy={props.busy}
          disabled={problems.length > 0}
          onClose={props.onClose}
          onDiscard={fee || dueDate || explanation ? form.draft.discard : null}
        />
      </form>
    </Modal>
  )
}

function FieldError(props: { id: string; message: string | null }) {
  if (!props.message) return null
  return (
    <p id={props.id} className="field-error" role="alert">
      {props.message}
    </p>
  )
}
