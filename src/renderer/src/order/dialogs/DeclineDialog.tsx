import type { FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { DECLINE_REASONS } from '../../../../shared/order-workflow'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'

const INITIAL = { reason: '', message: '' }

export function DeclineDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const draft = useDraft(props.draftKey, INITIAL)
  const { reason, message } = draft.value
  const needsMessage = reason === 'other'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit({ type: 'decline', reason: reason as 'too_busy' | 'out_of_coverage' | 'other', message })
  }
  return (
    <Modal title="Decline this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form">
        <p>The client will reassign it. This can't be undone.</p>
        <fieldset className="field">
          <legend>Reason</legend>
          {DECLINE_REASONS.map((r) => (
            <label key={r.id} className="radio">
              <input type="radio" name="decline-reason" value={r.id} checked={reason === r.id} onChange={() => draft.update({ reason: r.id })} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="decline-message">Message to the client{needsMessage ? '' : ' (optional)'}</label>
          <textarea id="decline-message" rows={3} value={message} onChange={(e) => draft.update({ message: e.target.value })} />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} />
        <FormError message={props.error} />
        <DialogButtons
          submitLabel="Decline order"
          busyLabel="Declining…"
          danger
          busy={props.busy}
          disabled={reason === '' || (needsMessage && message.trim() === '')}
          onClose={props.onClose}
          onDiscard={reason || message ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
