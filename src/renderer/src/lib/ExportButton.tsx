/** "Export…": writes a CSV file in main (where the user picks), with progress and Cancel, then says where and how many rows. */
import type { Result } from '../../../shared/ipc/result'
import { SaveOutcome } from './SaveOutcome'
import { SaveProgressLine } from './SaveProgressLine'
import { formatCount } from './format'
import { useLongSave } from './useLongSave'

export function ExportButton(props: { label: string; what: string; run(saveId: string): Promise<Result<{ savedTo: string; rows: number } | null>> }) {
  const { save: exporting, progress, cancel } = useLongSave(props.run)
  return (
    <span className="export">
      <button type="button" onClick={() => exporting.mutate()} disabled={exporting.isPending}>
        {exporting.isPending ? 'Exporting…' : props.label}
      </button>
      {exporting.isPending && progress && <SaveProgressLine progress={progress} label={`Exporting ${props.what}`} onCancel={cancel} />}
      <SaveOutcome saved={exporting.data ? `Saved ${formatCount(exporting.data.rows)} ${props.what} to ${exporting.data.savedTo}` : null} error={exporting.error} />
    </span>
  )
}
