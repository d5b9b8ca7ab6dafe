import type { FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionRules } from './useActionRules'

const INITIAL = { reason: '' }

export function CancelDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const draft = useDraft(props.draftKey, INITIAL)
  const action = { type: 'cancel' as const, reason: draft.value.reason }
  const rules = useActionRules('cancel', action)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rules.touch()
    if (!rules.problem) props.onSubmit(action)
  }
  return (
    <Modal title="Cancel this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <p>Cancelling ends your work on this order. The client sees your reason. This can't be undone.</p>
        <div className="field">
          <label htmlFor="cancel-reason">Reason for cancelling</label>
          <textarea
            id="cancel-reason"
            rows={3}
            value={draft.value.reason}
            onChange={(e) => {
              rules.touch()
              draft.update({ reason: e.target.value })
            }}
          />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} saved={draft.saved} />
        <FormError message={rules.message ?? props.error} />
        <DialogButtons
          submitLabel="Cancel order"
          busyLabel="Cancelling…"
          danger
          busy={props.busy}
          disabled={rules.problem !== null}
          onClose={props.onClose}
          onDiscard={draft.value.reason ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
