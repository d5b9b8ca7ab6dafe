/** "Export…": writes a CSV file in main (where the user picks), then says where and how many rows. */
import { useMutation } from '@tanstack/react-query'
import type { Result } from '../../../shared/ipc/result'
import { messageOf, unwrap } from './bridge'
import { formatCount } from './format'

export function ExportButton(props: { label: string; what: string; run(): Promise<Result<{ savedTo: string; rows: number } | null>> }) {
  const exporting = useMutation({ mutationFn: () => unwrap(props.run()) })
  return (
    <span className="export">
      <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending}>
        {exporting.isPending ? 'Exporting…' : props.label}
      </button>
      {exporting.data && (
        <span role="status" className="small">
          {`Saved ${formatCount(exporting.data.rows)} ${props.what} to ${exporting.data.savedTo}`}
        </span>
      )}
      {exporting.error && (
        <span role="alert" className="form-error">
          {messageOf(exporting.error)}
        </span>
      )}
    </span>
  )
}
