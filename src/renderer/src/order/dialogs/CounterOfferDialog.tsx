/** Accept with conditions: what the appraiser asks for (fee, due date, both, other), and why. */
import type { OrderAction, OrderDetail } from '../../../../shared/ipc/order-schemas'
import { CONDITION_TYPES, conditionType, type ConditionType } from '../../../../shared/order-workflow'
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
  const form = useActionForm({ draftKey: props.draftKey, initial: INITIAL, toAction, ctx: { currentDueDate: props.order.dueDate }, onSubmit: props.onSubmit })
  const { requestType, fee, dueDate, explanation } = form.value
  const type = conditionType(requestType)
  const counter = props.order.negotiation?.clientCounter
  const currency = props.order.fee.currency
  return (
    <Modal title="Counter-offer" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={form.submit} className="dialog-form" noValidate>
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
            <input id="counter-fee" inputMode="decimal" value={fee} aria-invalid={form.message !== null && form.problem?.field === 'proposedFee'} onChange={(e) => form.change({ fee: e.target.value })} />
          </div>
        )}
        {type?.dueDate && (
          <div className="field">
            <label htmlFor="counter-due">Proposed due date</label>
            <input id="counter-due" type="date" value={dueDate} aria-invalid={form.message !== null && form.problem?.field === 'proposedDueDate'} onChange={(e) => form.change({ dueDate: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor="counter-explanation">Explanation for the client</label>
          <textarea id="counter-explanation" rows={3} value={explanation} onChange={(e) => form.change({ explanation: e.target.value })} />
        </div>
        <DraftNote restored={form.draft.restored} error={form.draft.saveError} saved={form.draft.saved} />
        <FormError message={form.message ?? props.error} />
        <DialogButtons
          submitLabel="Send counter-offer"
          busyLabel="Sending…"
          busy={props.busy}
          disabled={form.message !== null}
          onClose={props.onClose}
          onDiscard={fee || dueDate || explanation ? form.draft.discard : null}
        />
      </form>
    </Modal>
  )
}
