/** Marks the inspection done; asks for confirmation when the appointment is still ahead. */
import { useState } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { formatDateTime, toDateTimeInput } from '../../lib/format'
import { Modal } from '../Modal'
import { DialogButtons, FormError } from './DialogButtons'
import { useActionForm } from './useActionForm'

export function CompleteInspectionDialog(props: { scheduledAt: string | null; busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const [initial] = useState(() => ({ completedAt: toDateTimeInput(new Date()) }))
  const [confirmed, setConfirmed] = useState(false)
  // Judged when the dialog opens.
  const [openedAt] = useState(() => Date.now())
  const appointmentAhead = props.scheduledAt !== null && Date.parse(props.scheduledAt) > openedAt
  const form = useActionForm({
    draftKey: null,
    initial,
    toAction: ({ completedAt }) => ({ type: 'completeInspection' as const, completedAt: completedAt ? new Date(completedAt).toISOString() : '' }),
    ready: !appointmentAhead || confirmed,
    onSubmit: props.onSubmit
  })
  return (
    <Modal title="Mark the inspection complete" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={form.submit} className="dialog-form" noValidate>
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
          <input id="completed-at" type="datetime-local" value={form.value.completedAt} onChange={(e) => form.change({ completedAt: e.target.value })} />
        </div>
        <FormError message={form.message ?? props.error} />
        <DialogButtons submitLabel="Mark complete" busyLabel="Saving…" busy={props.busy} disabled={form.blocked} onClose={props.onClose} />
      </form>
    </Modal>
  )
}
