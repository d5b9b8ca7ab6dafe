import { useEffect, useState } from 'react'
import { useWorkspaceActive } from '../lib/workspace-active'
import type { OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { VENDOR_ACTIONS, availableActions, type VendorActionId } from '../../../shared/order-workflow'
import { CancelDialog } from './dialogs/CancelDialog'
import { CompleteInspectionDialog } from './dialogs/CompleteInspectionDialog'
import { CounterOfferDialog } from './dialogs/CounterOfferDialog'
import { DeclineDialog } from './dialogs/DeclineDialog'
import { ScheduleDialog } from './dialogs/ScheduleDialog'
import { UploadReportDialog } from './dialogs/UploadReportDialog'
import { draftKey } from './order-keys'
import { formError, useOrderAction, type useOrderResults } from './useOrderAction'

const DIRECT: readonly VendorActionId[] = ['accept', 'acceptCounterOffer', 'startWork']

/** The actions valid for the order's status (from the shared workflow table), and their dialogs. */
export function OrderActionsBar({ order, results }: { order: OrderDetail; results: ReturnType<typeof useOrderResults> }) {
  const ref: OrderRef = { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }
  const [open, setOpen] = useState<VendorActionId | null>(null)
  const mutation = useOrderAction(ref, results)
  const active = useWorkspaceActive()
  const { reset } = mutation
  // Back from a forced sign-in: the "session ended" error no longer applies; the form and its text remain.
  useEffect(() => {
    if (active) reset()
  }, [active, reset])
  const offered = availableActions(order.statusCode, order.negotiation?.state === 'agreed' ? null : (order.negotiation?.state ?? null))
  const close = () => {
    mutation.reset()
    setOpen(null)
  }
  const common = {
    busy: mutation.isPending,
    error: formError(mutation.error),
    onClose: close,
    onSubmit: (action: Parameters<typeof mutation.mutate>[0]) => mutation.mutate(action, { onSuccess: () => setOpen(null) })
  }
  if (offered.length === 0) return null
  return (
    <>
      <div className="actions-bar" role="toolbar" aria-label="Order actions">
        {offered.map((id) => (
          <button
            key={id}
            type="button"
            className={id === 'accept' || id === 'acceptCounterOffer' || id === 'uploadReport' ? 'primary' : id === 'decline' || id === 'cancel' ? 'danger-outline' : ''}
            disabled={mutation.isPending}
            onClick={() => (DIRECT.includes(id) ? mutation.mutate({ type: id as 'accept' | 'acceptCounterOffer' | 'startWork' }) : setOpen(id))}
          >
            {mutation.isPending && mutation.variables?.type === id ? 'Working…' : VENDOR_ACTIONS[id].label}
          </button>
        ))}
      </div>
      {open === 'counterOffer' && <CounterOfferDialog order={order} draftKey={draftKey(ref, 'counter-offer')} {...common} />}
      {open === 'decline' && <DeclineDialog draftKey={draftKey(ref, 'decline')} {...common} />}
      {open === 'cancel' && <CancelDialog draftKey={draftKey(ref, 'cancel')} {...common} />}
      {(open === 'scheduleInspection' || open === 'rescheduleInspection') && (
        <ScheduleDialog orderRef={ref} reschedule={open === 'rescheduleInspection'} {...common} />
      )}
      {open === 'completeInspection' && <CompleteInspectionDialog {...common} />}
      {open === 'uploadReport' && (
        <UploadReportDialog
          orderRef={ref}
          answeringRevision={[12, 20, 17, 18].includes(order.statusCode)}
          onClose={() => setOpen(null)}
          onOrderChanged={results.failed}
          onDone={(updated, confirmed) => {
            setOpen(null)
            const version = updated.submissions[0]?.version
            results.applied(updated, `Report submitted${version ? ` (version ${version})` : ''}.`, confirmed)
          }}
        />
      )}
    </>
  )
}
