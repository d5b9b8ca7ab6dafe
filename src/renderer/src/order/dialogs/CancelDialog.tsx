import type { FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'

const INITIAL = { reason: '' }

export function CancelDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const draft = useDraft(props.draftKey, INITIAL)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit({ type: 'cancel', reason: draft.value.reason })
  }
  return (
    <Modal title="Cancel this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form">
        <p>Cancelling ends your work on this order. The client sees your reason. This can't be undone.</p>
        <div className="field">
          <label htmlFor="cancel-reason">Reason for cancelling</label>
          <textarea id="cancel-reason" rows={3} required value={draft.value.reason} onChange={(e) => draft.update({ reason: e.target.value })} />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} />
        <FormError message={props.error} />
        <DialogButtons
          submitLabel="Cancel order"
          busyLabel="Cancelling…"
          danger
          busy={props.busy}
          disabled={draft.value.reason.trim() === ''}
          onClose={props.onClose}
          onDiscard={draft.value.reason ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
