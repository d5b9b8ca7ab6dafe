/** Pick one of the client's available slots, or set a date and time. */
import { useQuery } from '@tanstack/react-query'
import type { OrderAction, OrderRef } from '../../../../shared/ipc/order-schemas'
import { api, messageOf, unwrap } from '../../lib/bridge'
import { formatDateTime } from '../../lib/format'
import { Modal } from '../Modal'
import { DialogButtons, FormError } from './DialogButtons'
import { useActionForm } from './useActionForm'

const INITIAL = { choice: '', custom: '' }

export function ScheduleDialog(props: {
  orderRef: OrderRef
  reschedule: boolean
  busy: boolean
  error: string | null
  onSubmit(action: OrderAction): void
  onClose(): void
}) {
  const slots = useQuery({ queryKey: ['workspace', 'slots', props.orderRef.orderId], queryFn: () => unwrap(api().listInspectionSlots(props.orderRef)) })
  const type = props.reschedule ? ('rescheduleInspection' as const) : ('scheduleInspection' as const)
  const slotOf = (choice: string) => slots.data?.find((s) => s.id === choice)
  const whenOf = ({ choice, custom }: typeof INITIAL) => slotOf(choice)?.start ?? (choice === 'custom' && custom ? new Date(custom).toISOString() : null)
  const form = useActionForm({
    draftKey: null,
    initial: INITIAL,
    toAction: (value) => ({ type, inspectionAt: whenOf(value) ?? '', slotId: slotOf(value.choice)?.id ?? null }),
    onSubmit: props.onSubmit
  })
  // Nothing picked yet is not an error to show, only a reason to wait.
  const when = whenOf(form.value)
  return (
    <Modal title={props.reschedule ? 'Reschedule the inspection' : 'Schedule the inspection'} onClose={props.onClose} busy={props.busy}>
      <form onSubmit={form.submit} className="dialog-form">
        <fieldset className="field">
          <legend>Available slots</legend>
          {slots.isPending && <p role="status">Loading slots…</p>}
          {slots.isError && <p className="form-error">{messageOf(slots.error)}</p>}
          {slots.data?.map((s) => (
            <label key={s.id} className="radio">
              <input type="radio" name="slot" value={s.id} checked={form.value.choice === s.id} onChange={() => form.change({ choice: s.id })} />
              {formatDateTime(s.start)}
            </label>
          ))}
          <label className="radio">
            <input type="radio" name="slot" value="" checked={form.value.choice === 'custom'} onChange={() => form.change({ choice: 'custom' })} />
            Another time
          </label>
        </fieldset>
        {form.value.choice === 'custom' && (
          <div className="field">
            <label htmlFor="inspection-at">Inspection date and time</label>
            <input id="inspection-at" type="datetime-local" value={form.value.custom} onChange={(e) => form.change({ custom: e.target.value })} />
          </div>
        )}
        <FormError message={(when ? form.message : null) ?? props.error} />
        <DialogButtons submitLabel={props.reschedule ? 'Reschedule' : 'Schedule inspection'} busyLabel="Saving…" busy={props.busy} disabled={form.blocked} onClose={props.onClose} />
      </form>
    </Modal>
  )
}
