/** "Print order sheet…" (also Ctrl/Cmd+P and the File menu) and "Save as PDF…" for the open order. */
import { useMutation } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { useAppCommands } from '../app/useAppCommands'
import { api, messageOf, unwrap } from '../lib/bridge'
import { useWorkspaceActive } from '../lib/workspace-active'

export function OrderSheetActions({ order }: { order: OrderDetail }) {
  const active = useWorkspaceActive()
  useAppCommands((command) => {
    if (command.command === 'printOrderSheet') window.print()
  }, active)
  const save = useMutation({ mutationFn: () => unwrap(api().saveOrderSheetPdf({ clientId: order.clientId, loanId: order.loanId, orderId: order.orderId })) })
  return (
    <div className="row-with-action sheet-actions">
      <button type="button" onClick={() => window.print()} aria-keyshortcuts="Control+P Meta+P">
        Print order sheet…
      </button>
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save as PDF…'}
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
