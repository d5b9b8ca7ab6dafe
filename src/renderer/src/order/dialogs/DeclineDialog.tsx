import type { FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { DECLINE_REASONS, type DeclineReason } from '../../../../shared/order-workflow'
import { Modal } from '../Modal'
import { useDraft } from '../useDraft'
import { DialogButtons, DraftNote, FormError } from './DialogButtons'
import { useActionRules } from './useActionRules'

const INITIAL = { reason: '', message: '' }

export function DeclineDialog(props: { draftKey: string; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const draft = useDraft(props.draftKey, INITIAL)
  const { reason, message } = draft.value
  const action = { type: 'decline' as const, reason: reason as DeclineReason, message }
  const rules = useActionRules('decline', action)
  const change = (patch: Partial<typeof INITIAL>) => {
    rules.touch()
    draft.update(patch)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rules.touch()
    if (!rules.problem) props.onSubmit(action)
  }
  return (
    <Modal title="Decline this order?" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <p>The client will reassign it. This can't be undone.</p>
        <fieldset className="field">
          <legend>Reason</legend>
          {DECLINE_REASONS.map((r) => (
            <label key={r.id} className="radio">
              <input type="radio" name="decline-reason" value={r.id} checked={reason === r.id} onChange={() => change({ reason: r.id })} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="decline-message">Message to the client{reason === 'other' ? '' : ' (optional)'}</label>
          <textarea id="decline-message" rows={3} value={message} onChange={(e) => change({ message: e.target.value })} />
        </div>
        <DraftNote restored={draft.restored} error={draft.saveError} saved={draft.saved} />
        <FormError message={(reason === '' ? null : rules.message) ?? props.error} />
        <DialogButtons
          submitLabel="Decline order"
          busyLabel="Declining…"
          danger
          busy={props.busy}
          disabled={rules.problem !== null}
          onClose={props.onClose}
          onDiscard={reason || message ? draft.discard : null}
        />
      </form>
    </Modal>
  )
}
