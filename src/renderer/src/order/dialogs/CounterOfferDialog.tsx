import type { FormEvent } from 'react'
import type { OrderAction, OrderDetail } from '../../../../shared/ipc/order-schemas'
import { CONDITION_TYPES } from '../../../../shared/order-workflow'
import { formatMoney } from '../../lib/format'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'

const INITIAL = { requestType: 'fee_increase', fee: '', dueDate: '', explanation: '' }
type RequestType = Extract<OrderAction, { type: 'counterOffer' }>['requestType']

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
  const wantsFee = requestType === 'fee_increase' || requestType === 'fee_and_due_date' || requestType === 'other'
  const wantsDate = requestType === 'due_date_extension' || requestType === 'fee_and_due_date' || requestType === 'other'
  const feeNumber = fee.trim() === '' ? null : Number(fee)
  const feeInvalid = feeNumber !== null && (!Number.isFinite(feeNumber) || feeNumber <= 0)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit({
      type: 'counterOffer',
      requestType: requestType as RequestType,
      proposedFee: wantsFee ? feeNumber : null,
      proposedDueDate: wantsDate && dueDate ? new Date(`${dueDate}T17:00:00`).toISOString() : null,
      explanation
    })
  }
  const counter = props.order.negotiation?.clientCounter
  return (
    <Modal title="Counter-offer" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form">
        <p className="muted">
          Current terms: {formatMoney(props.order.fee.amount, props.order.fee.currency)}, due {new Date(props.order.dueDate).toLocaleDateString()}.
          {counter && ` The client offered ${counter.fee !== null ? formatMoney(counter.fee, props.order.fee.currency) : 'the same fee'}${counter.dueDate ? `, due ${new Date(counter.dueDate).toLocaleDateString()}` : ''}.`}
        </p>
        <div className="field">
          <label htmlFor="counter-type">Request</label>
          <select id="counter-type" value={requestType} onChange={(e) => draft.update({ requestType: e.target.value })}>
            {CONDITION_TYPES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {wantsFee && (
          <div className="field">
            <label htmlFor="counter-fee">Proposed fee ({props.order.fee.currency})</label>
            <input id="counter-fee" inputMode="decimal" value={fee} aria-invalid={feeInvalid || undefined} onChange={(e) => draft.update({ fee: e.target.value })} />
          </div>
        )}
        {wantsDate && (
          <div className="field">
            <label htmlFor="counter-due">Proposed due date</label>
            <input id="counter-due" type="date" value={dueDate} onChange={(e) => draft.update({ dueDate: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor="counter-explanation">Explanation for the client</label>
          <textarea id="counter-explanation" rows={3} value={explanation} onChange={(e) => draft.update({ explanation: e.target.value })} />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} />
        <FormError message={feeInvalid ? 'Enter the fee as a positive number, like 650.' : props.error} />
        <DialogButtons
          submitLabel="Send counter-offer"
          busyLabel="Sending…"
          busy={props.busy}
          disabled={explanation.trim() === '' || feeInvalid}
          onClose={props.onClose}
          onDiscard={fee || dueDate || explanation ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
