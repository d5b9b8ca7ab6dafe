/** "Export…": writes a CSV file in main (where the user picks), then says where and how many rows. */
import { useMutation } from '@tanstack/react-query'
import type { Result } from '../../../shared/ipc/result'
import { unwrap } from './bridge'
import { SaveOutcome } from './SaveOutcome'
import { formatCount } from './format'

export function ExportButton(props: { label: string; what: string; run(): Promise<Result<{ savedTo: string; rows: number } | null>> }) {
  const exporting = useMutation({ mutationFn: () => unwrap(props.run()) })
  return (
    <span className="export">
      <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending}>
        {exporting.isPending ? 'Exporting…' : props.label}
      </button>
      <SaveOutcome saved={exporting.data ? `Saved ${formatCount(exporting.data.rows)} ${props.what} to ${exporting.data.savedTo}` : null} error={exporting.error} />
    </span>
  )
}
