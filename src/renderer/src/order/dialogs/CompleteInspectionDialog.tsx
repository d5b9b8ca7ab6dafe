import { format } from 'date-fns'
import { useState, type FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { formatDateTime } from '../../lib/format'
import { Modal } from '../Modal'
import { DialogButtons, FormError } from './DialogButtons'
import { useActionRules } from './useActionRules'

/** Marks the inspection done; asks for confirmation when the appointment is still ahead. */
export function CompleteInspectionDialog(props: { scheduledAt: string | null; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const [completedAt, setCompletedAt] = useState(() => format(new Date(), "yyyy-MM-dd'T'HH:mm"))
  const [confirmed, setConfirmed] = useState(false)
  // Judged when the dialog opens.
  const [openedAt] = useState(() => Date.now())
  const appointmentAhead = props.scheduledAt !== null && Date.parse(props.scheduledAt) > openedAt
  const action = { type: 'completeInspection' as const, completedAt: completedAt ? new Date(completedAt).toISOString() : '' }
  const rules = useActionRules('completeInspection', action)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rules.touch()
    if (!rules.problem && (!appointmentAhead || confirmed)) props.onSubmit(action)
  }
  return (
    <Modal title="Mark the inspection complete" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        {appointmentAhead && props.scheduledAt && (
          <div className="notice notice-warn" role="alert">
            <p>The appointment is {formatDateTime(props.scheduledAt)}, which is still ahead. Mark the inspection complete only if it has already taken place.</p>
            <label className="checkbox">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              The inspection has taken place
            </label>
          </div>
        )}
        <div className="field">
          <label htmlFor="completed-at">Completed at</label>
          <input
            id="completed-at"
            type="datetime-local"
            value={completedAt}
            onChange={(e) => {
              rules.touch()
              setCompletedAt(e.target.value)
            }}
          />
        </div>
        <FormError message={rules.message ?? props.error} />
        <DialogButtons submitLabel="Mark complete" busyLabel="Saving…" busy={props.busy} disabled={rules.problem !== null || (appointmentAhead && !confirmed)} onClose={props.onClose} />
      </form>
    </Modal>
  )
}
