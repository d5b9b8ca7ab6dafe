/** The actions the order's status offers (from the action table), and their dialogs. */
import { useEffect, useState } from 'react'
import { useWorkspaceActive } from '../lib/workspace-active'
import type { OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { actionFields, actionLabel, availableActions, isDestructiveAction, offeredToAppraiser, revisionKind, type VendorActionId } from '../../../shared/order-workflow'
import { useIsFetching } from '@tanstack/react-query'
import { orderQueryKey } from './order-keys'
import { CancelDialog } from './dialogs/CancelDialog'
import { CompleteInspectionDialog } from './dialogs/CompleteInspectionDialog'
import { CounterOfferDialog } from './dialogs/CounterOfferDialog'
import { DeclineDialog } from './dialogs/DeclineDialog'
import { ScheduleDialog } from './dialogs/ScheduleDialog'
import { UploadReportDialog } from './dialogs/UploadReportDialog'
import { draftKey } from './order-keys'
import { formError, isOrderChange, useOrderAction, type useOrderResults } from './useOrderAction'

/** Actions without inputs: done at once, no dialog. */
const isDirect = (id: VendorActionId): id is 'accept' | 'acceptCounterOffer' | 'startWork' => id !== 'uploadReport' && Object.keys(actionFields(id, {}).shape).length === 0

/** The actions valid for the order's status (from the shared workflow table), and their dialogs. */
/**
 * `part`: 'work' — the day's work, in the toolbar at the top; 'apart' — what ends the order (Cancel),
 * at the foot of the pane, away from the buttons used every day.
 */
export function OrderActionsBar({ order, results, part = 'work' }: { order: OrderDetail; results: ReturnType<typeof useOrderResults>; part?: 'work' | 'apart' }) {
  const ref: OrderRef = { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }
  const [open, setOpen] = useState<VendorActionId | null>(null)
  const mutation = useOrderAction(ref, results)
  const active = useWorkspaceActive()
  const { reset } = mutation
  // Back from a forced sign-in: the "session ended" error no longer applies; the form and its text remain.
  useEffect(() => {
    if (active) reset()
  }, [active, reset])
  // While the order reloads (after a refusal, say), none of its old actions is offered.
  const reloading = useIsFetching({ queryKey: orderQueryKey(ref) }) > 0
  const valid = reloading ? [] : availableActions(order.statusCode, order.negotiation?.state ?? null).filter((id) => offeredToAppraiser(id, order.statusCode))
    const offered = part === 'work' ? valid.filter((id) => !isDestructiveAction(id)) : []
  const apart = part === 'apart' ? valid.filter((id) => isDestructiveAction(id)) : []
  const close = () => {
    mutation.reset()
    setOpen(null)
  }
  const common = {
    busy: mutation.isPending,
    error: formError(mutation.error),
    onClose: close,
    // Done, or refused because the order changed: the dialog closes, so the message and the new state's actions show.
    onSubmit: (action: Parameters<typeof mutation.mutate>[0]) =>
      mutation.mutate(action, {
        onSuccess: () => setOpen(null),
        onError: (error) => {
          if (isOrderChange(error)) setOpen(null)
        }
      })
  }
  return (
    <>
      {offered.length > 0 && (
      <div className="actions-bar" role="toolbar" aria-label="Order actions">
        {offered.map((id) => (
          <button
            key={id}
            type="button"
            className={id === 'accept' || id === 'acceptCounterOffer' || id === 'uploadReport' ? 'primary' : id === 'decline' ? 'danger-outline' : ''}
            disabled={mutation.isPending}
            onClick={() => (isDirect(id) ? mutation.mutate({ type: id }) : setOpen(id))}
          >
            {mutation.isPending && mutation.variables?.type === id ? 'Working…' : actionLabel(id)}
          </button>
        ))}
      </div>
      )}
      {apart.length > 0 && (
        <div className="actions-apart" role="group" aria-label="Other actions">
          {apart.map((id) => (
            <button key={id} type="button" className="link-danger" disabled={mutation.isPending} onClick={() => setOpen(id)}>
              {actionLabel(id)}…
            </button>
          ))}
        </div>
      )}
      {open === 'counterOffer' && <CounterOfferDialog order={order} draftKey={draftKey(ref, 'counter-offer')} {...common} />}
      {open === 'decline' && <DeclineDialog draftKey={draftKey(ref, 'decline')} {...common} />}
      {open === 'cancel' && <CancelDialog draftKey={draftKey(ref, 'cancel')} {...common} />}
      {(open === 'scheduleInspection' || open === 'rescheduleInspection') && (
        <ScheduleDialog orderRef={ref} reschedule={open === 'rescheduleInspection'} {...common} />
      )}
      {open === 'completeInspection' && <CompleteInspectionDialog scheduledAt={order.inspection.scheduledAt} {...common} />}
      {open === 'uploadReport' && (
        <UploadReportDialog
          orderRef={ref}
          answering={revisionKind(order.statusCode) ?? 'first'}
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
