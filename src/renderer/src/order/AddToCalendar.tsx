/** "Add to calendar" beside a scheduled inspection. */
import { useMutation } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { api, unwrap } from '../lib/bridge'
import { SaveOutcome } from '../lib/SaveOutcome'
import { propertyTimeZone } from '../../../shared/property-time-zone'
import { formatAtProperty } from '../lib/format'
import { useNow } from '../lib/useNow'

/** "Add to calendar" beside a scheduled inspection: an .ics file saved where the user picks. */
export function AddToCalendar({ order }: { order: OrderDetail }) {
  const now = useNow(60_000)
  const save = useMutation({ mutationFn: () => unwrap(api().saveInspectionToCalendar({ clientId: order.clientId, loanId: order.loanId, orderId: order.orderId })) })
  const at = order.inspection.scheduledAt
  if (!at || order.inspection.completedAt) return null
  const when = formatAtProperty(at, propertyTimeZone(order.address.state))
  // An appointment gone by and not marked complete: asked about, and no calendar entry for the past.
  if (Date.parse(at) < now) {
    return (
      <p className="banner banner-warn calendar" role="status">
        Inspection was {when} — mark complete?
      </p>
    )
  }
  return (
    <div className="row-with-action calendar">
      <span>Inspection {when}</span>
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Add to calendar'}
      </button>
      <SaveOutcome saved={save.data ? `Saved to ${save.data.savedTo}` : null} error={save.error} />
    </div>
  )
}
