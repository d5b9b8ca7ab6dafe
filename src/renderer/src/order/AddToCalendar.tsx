/** "Add to calendar" beside a scheduled inspection. */
import { useMutation } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { api, messageOf, unwrap } from '../lib/bridge'
import { formatDateTime } from '../lib/format'

/** "Add to calendar" beside a scheduled inspection: an .ics file saved where the user picks. */
export function AddToCalendar({ order }: { order: OrderDetail }) {
  const save = useMutation({ mutationFn: () => unwrap(api().saveInspectionToCalendar({ clientId: order.clientId, loanId: order.loanId, orderId: order.orderId })) })
  const at = order.inspection.scheduledAt
  if (!at || order.inspection.completedAt) return null
  return (
    <div className="row-with-action calendar">
      <span>Inspection {formatDateTime(at)}</span>
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Add to calendar'}
      </button>
      {save.data && (
        <span role="status" className="small">
          Saved to {save.data.savedTo}
        </span>
      )}
      {save.error && (
        <span role="alert" className="form-error">
          {messageOf(save.error)}
        </span>
      )}
    </div>
  )
}
