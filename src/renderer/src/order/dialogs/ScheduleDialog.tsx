import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import type { OrderAction, OrderRef } from '../../../../shared/ipc/order-schemas'
import { api, messageOf, unwrap } from '../../lib/bridge'
import { formatDateTime } from '../../lib/format'
import { Modal } from '../Modal'
import { DialogButtons, FormError } from './DialogButtons'
import { useActionRules } from './useActionRules'

/** Pick one of the client's available slots, or set a date and time. */
export function ScheduleDialog(props: {
  orderRef: OrderRef
  reschedule: boolean
  busy: boolean
  error: string | null
  onSubmit(action: OrderAction): void
  onClose(): void
}) {
  const slots = useQuery({ queryKey: ['workspace', 'slots', props.orderRef.orderId], queryFn: () => unwrap(api().listInspectionSlots(props.orderRef)) })
  const [choice, setChoice] = useState<string>('')
  const [custom, setCustom] = useState('')
  const slot = slots.data?.find((s) => s.id === choice)
  const when = slot ? slot.start : custom ? new Date(custom).toISOString() : null
  const type = props.reschedule ? 'rescheduleInspection' : 'scheduleInspection'
  const action = { type, inspectionAt: when ?? '', slotId: slot?.id ?? null } as const
  const rules = useActionRules(type, action)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rules.touch()
    if (when && !rules.problem) props.onSubmit(action)
  }
  return (
    <Modal title={props.reschedule ? 'Reschedule the inspection' : 'Schedule the inspection'} onClose={props.onClose} busy={props.busy}>
      <form onSubmit={submit} className="dialog-form">
        <fieldset className="field">
          <legend>Available slots</legend>
          {slots.isPending && <p role="status">Loading slots…</p>}
          {slots.isError && <p className="form-error">{messageOf(slots.error)}</p>}
          {slots.data?.map((s) => (
            <label key={s.id} className="radio">
              <input type="radio" name="slot" value={s.id} checked={choice === s.id} onChange={() => setChoice(s.id)} />
              {formatDateTime(s.start)}
            </label>
          ))}
          <label className="radio">
            <input type="radio" name="slot" value="" checked={choice === 'custom'} onChange={() => setChoice('custom')} />
            Another time
          </label>
        </fieldset>
        {choice === 'custom' && (
          <div className="field">
            <label htmlFor="inspection-at">Inspection date and time</label>
            <input
              id="inspection-at"
              type="datetime-local"
              value={custom}
              onChange={(e) => {
                rules.touch()
                setCustom(e.target.value)
              }}
            />
          </div>
        )}
        <FormError message={(when ? rules.message : null) ?? props.error} />
        <DialogButtons
          submitLabel={props.reschedule ? 'Reschedule' : 'Schedule inspection'}
          busyLabel="Saving…"
          busy={props.busy}
          disabled={!when || rules.problem !== null}
          onClose={props.onClose}
        />
      </form>
    </Modal>
  )
}
