/** How far a long save has got, as main tells it, with a Cancel button. */
import type { SaveProgress } from '../../../shared/ipc/order-schemas'
import { formatCount } from './format'

export function SaveProgressLine(props: { progress: SaveProgress | null; label: string; onCancel(): void }) {
  const { progress } = props
  return (
    <span className="save-progress">
      <progress aria-label={props.label} max={progress?.total || 1} value={progress?.done ?? 0} />
      {/* Not a live region: read on demand, it would otherwise be spoken ten times a second. */}
      <span className="small">
        {progress ? `${progress.step} — ${formatCount(progress.done)} of ${formatCount(progress.total)} ${progress.unit}` : 'Starting…'}
      </span>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </span>
  )
}
