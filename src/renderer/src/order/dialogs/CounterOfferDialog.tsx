import type { FormEvent } from 'react'
import type { OrderAction, OrderDetail } from '../../../../shared/ipc/order-schemas'
import { CONDITION_TYPES, conditionType, type ConditionType } from '../../../../shared/order-workflow'
import { formatMoney } from '../../lib/format'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionRules } from './useActionRules'

const INITIAL = { requestType: 'fee_increase', fee: '', dueDate: '', explanation: '' }

export function CounterOfferDialog(props: {
  order: OrderDetail
  draftKey: string
  busy: boolean
  error: string | null
  onSubmit(action: OrderAction): void
  onClose(): void
}) {
  const draft = useDraft(props.draftKey, INITIAL)
  const { requestType, fee, dueDate, explanation } = draft.value
  const type = conditionType(requestType)
  const feeNumber = fee.trim() === '' ? null : Number(fee)
  const action = {
    type: 'counterOffer' as const,
    requestType: requestType as ConditionType,
    proposedFee: type?.fee && feeNumber !== null && Number.isFinite(feeNumber) ? feeNumber : type?.fee && fee.trim() !== '' ? -1 : null,
    proposedDueDate: type?.dueDate && dueDate ? new Date(`${dueDate}T17:00:00`).toISOString() : null,
    explanation
  }
  const rules = useActionRules('counterOffer', action, { currentDueDate: props.order.dueDate })
  const change = (patch: Partial<typeof INITIAL>) => {
    rules.touch()
    draft.update(patch)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rules.touch()
    if (!rules.problem) props.onSubmit(action)
  }
  const counter = props.order.negotiation?.clientCounter
  return (
    <Modal title="Counter-offer" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <p className="muted">
          Current terms: {formatMoney(props.order.fee.amount, props.order.fee.currency)}, due {new Date(props.order.dueDate).toLocaleDateString()}.
          {counter && ` The client offered ${counter.fee !== null ? formatMoney(counter.fee, props.order.fee.currency) : 'the same fee'}${counter.dueDate ? `, due ${new Date(counter.dueDate).toLocaleDateString()}` : ''}.`}
        </p>
        <div className="field">
          <label htmlFor="counter-type">What you're asking for</label>
          <select id="counter-type" value={requestType} onChange={(e) => change({ requestType: e.target.value })}>
            {CONDITION_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {type?.fee && (
          <div className="field">
            <label htmlFor="counter-fee">Proposed fee ({props.order.fee.currency})</label>
            <input id="counter-fee" inputMode="decimal" value={fee} aria-invalid={rules.message !== null && rules.problem?.field === 'proposedFee'} onChange={(e) => change({ fee: e.target.value })} />
          </div>
        )}
        {type?.dueDate && (
          <div className="field">
            <label htmlFor="counter-due">Proposed due date</label>
            <input id="counter-due" type="date" value={dueDate} aria-invalid={rules.message !== null && rules.problem?.field === 'proposedDueDate'} onChange={(e) => change({ dueDate: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor="counter-explanation">Explanation for the client</label>
          <textarea id="counter-explanation" rows={3} value={explanation} onChange={(e) => change({ explanation: e.target.value })} />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} saved={draft.saved} />
        <FormError message={rules.message ?? props.error} />
        <DialogButtons
          submitLabel="Send counter-offer"
          busyLabel="Sending…"
          busy={props.busy}
          disabled={rules.message !== null}
          onClose={props.onClose}
          onDiscard={fee || dueDate || explanation ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
