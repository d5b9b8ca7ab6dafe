/** "Print order sheet…" (also Ctrl/Cmd+P and the File menu) and "Save as PDF…" for the open order. */
import { useMutation } from '@tanstack/react-query'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { useAppCommands } from '../app/useAppCommands'
import { api, unwrap } from '../lib/bridge'
import { SaveOutcome } from '../lib/SaveOutcome'
import { SaveProgressLine } from '../lib/SaveProgressLine'
import { useLongSave } from '../lib/useLongSave'
import { useWorkspaceActive } from '../lib/workspace-active'

export function OrderSheetActions({ order }: { order: OrderDetail }) {
  const active = useWorkspaceActive()
  useAppCommands((command) => {
    if (command.command === 'printOrderSheet') window.print()
  }, active)
  const ref = { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }
  const save = useMutation({ mutationFn: () => unwrap(api().saveOrderSheetPdf(ref)) })
  const { save: workfile, progress, cancel } = useLongSave((saveId) => api().saveWorkfile({ ref, saveId }))
  return (
    <div className="row-with-action sheet-actions">
      <button type="button" onClick={() => window.print()} aria-keyshortcuts="Control+P Meta+P">
        Print order sheet…
      </button>
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save as PDF…'}
      </button>
      <button type="button" onClick={() => workfile.mutate()} disabled={workfile.isPending}>
        {workfile.isPending ? 'Saving the workfile…' : 'Save workfile…'}
      </button>
      {workfile.isPending && progress && <SaveProgressLine progress={progress} label="Saving the workfile" onCancel={cancel} />}
      <SaveOutcome
        saved={workfile.data ? `Workfile saved to ${workfile.data.savedTo} (${workfile.data.files} files).${workfile.data.notIncluded.length > 0 ? ` Not included: ${workfile.data.notIncluded.join(' ')}` : ''}` : null}
        error={workfile.error}
      />
      <SaveOutcome saved={save.data ? `Saved to ${save.data.savedTo}` : null} error={save.error} />
    </div>
  )
}
