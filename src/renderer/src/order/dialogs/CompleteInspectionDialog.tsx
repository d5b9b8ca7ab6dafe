import { format } from 'date-fns'
import { useState, type FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { Modal } from '../Modal'
import { DialogButtons, FormError } from './DialogButtons'

export function CompleteInspectionDialog(props: { busy: boolean; error: string | null; onSubmit(action: OrderAction): void; onClose(): void }) {
  const [completedAt, setCompletedAt] = useState(() => format(new Date(), "yyyy-MM-dd'T'HH:mm"))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onSubmit({ type: 'completeInspection', completedAt: new Date(completedAt).toISOString() })
  }
  return (
    <Modal title="Mark the inspection complete" onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form">
        <div className="field">
          <label htmlFor="completed-at">Completed at</label>
          <input id="completed-at" type="datetime-local" value={completedAt} onChange={(e) => setCompletedAt(e.target.value)} />
        </div>
        <FormError message={props.error} />
        <DialogButtons submitLabel="Mark complete" busyLabel="Saving…" busy={props.busy} disabled={!completedAt} onClose={props.onClose} />
      </form>
    </Modal>
  )
}
