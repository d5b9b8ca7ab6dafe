/** Cancel an order the vendor can no longer do, with the reason the client reads. */
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { Modal } from '../Modal'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionForm } from './useActionForm'

const INITIAL = { reason: '' }

export function CancelDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const form = useActionForm({ draftKey: props.draftKey, initial: INITIAL, toAction: ({ reason }) => ({ type: 'cancel' as const, reason }), onSubmit: props.onSubmit })
  return (
    <Modal title="Cancel this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={form.submit} className="dialog-form" noValidate>
        <p>Cancelling ends your work on this order. The client sees your reason. This can't be undone.</p>
        <div className="field">
          <label htmlFor="cancel-reason">Reason for cancelling</label>
          <textarea id="cancel-reason" rows={3} value={form.value.reason} onChange={(e) => form.change({ reason: e.target.value })} />
        </div>
        <DraftNote restored={form.draft.restored} error={form.draft.saveError} saved={form.draft.saved} />
        <FormError message={form.message ?? props.error} />
        <DialogButtons
          submitLabel="Cancel order"
          busyLabel="Cancelling…"
          danger
          busy={props.busy}
          disabled={form.blocked}
          onClose={props.onClose}
          onDiscard={form.value.reason ? form.draft.discard : null}
        />
      </form>
    </Modal>
  )
}
