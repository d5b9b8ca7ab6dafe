/** Decline an assignment, with the reason the platform asks for (and a message the client reads). */
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { DECLINE_REASONS, type DeclineReason } from '../../../../shared/order-workflow'
import { Modal } from '../Modal'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionForm } from './useActionForm'

const INITIAL = { reason: '', message: '' }

export function DeclineDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const form = useActionForm({
    draftKey: props.draftKey,
    initial: INITIAL,
    toAction: ({ reason, message }) => ({ type: 'decline' as const, reason: reason as DeclineReason, message }),
    onSubmit: props.onSubmit
  })
  const { reason, message } = form.value
  return (
    <Modal title="Decline this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={form.submit} className="dialog-form" noValidate>
        <p>The client will reassign it. This can't be undone.</p>
        <fieldset className="field">
          <legend>Reason</legend>
          {DECLINE_REASONS.map((r) => (
            <label key={r.id} className="radio">
              <input type="radio" name="decline-reason" value={r.id} checked={reason === r.id} onChange={() => form.change({ reason: r.id })} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="decline-message">Message to the client{reason === 'other' ? '' : ' (optional)'}</label>
          <textarea id="decline-message" rows={3} value={message} onChange={(e) => form.change({ message: e.target.value })} />
        </div>
        <DraftNote restored={form.draft.restored} error={form.draft.saveError} saved={form.draft.saved} />
        <FormError message={(reason === '' ? null : form.message) ?? props.error} />
        <DialogButtons
          submitLabel="Decline order"
          busyLabel="Declining…"
          danger
          busy={props.busy}
          disabled={form.blocked}
          onClose={props.onClose}
          onDiscard={reason || message ? form.draft.discard : null}
        />
      </form>
    </Modal>
  )
}
