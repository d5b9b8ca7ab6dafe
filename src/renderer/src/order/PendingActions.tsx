/** Field actions waiting to be sent, each of which can be withdrawn. */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { api, messageOf, unwrap } from '../lib/bridge'
import { formatDateTime } from '../lib/format'
import { orderQueryKey } from './order-keys'

/** Field actions done offline, waiting to be sent — each can be withdrawn. */
export function PendingActions({ order }: { order: OrderDetail }) {
  const queryClient = useQueryClient()
  const cancel = useMutation({
    mutationFn: (id: string) => unwrap(api().cancelPendingAction({ id })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderQueryKey(order) })
  })
  if (order.pendingActions.length === 0 && !order.savedAt) return null
  return (
    <section className="callout" aria-label="Waiting to send">
      {order.savedAt && <p className="muted small">Offline copy from {formatDateTime(order.savedAt)}.</p>}
      {order.pendingActions.map((p) => (
        <div key={p.id} className="row-with-action">
          <span>Waiting to send: {p.label}</span>
          <button type="button" onClick={() => cancel.mutate(p.id)} disabled={cancel.isPending}>
            Cancel
          </button>
        </div>
      ))}
      {cancel.error && <p className="form-error" role="alert">{messageOf(cancel.error)}</p>}
    </section>
  )
}
