/** A dialog's buttons, form error and draft note. */
export function DialogButtons(props: {
  submitLabel: string
  busyLabel: string
  busy: boolean
  disabled?: boolean
  danger?: boolean
  onClose(): void
  onDiscard?: (() => void) | null
}) {
  return (
    <div className="dialog-buttons">
      {props.onDiscard && (
        <button type="button" className="link" onClick={props.onDiscard} disabled={props.busy}>
          Discard draft
        </button>
      )}
      <button type="button" onClick={props.onClose} disabled={props.busy}>
        Close
      </button>
      <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.busy || props.disabled}>
        {props.busy ? props.busyLabel : props.submitLabel}
      </button>
    </div>
  )
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null
}

export function DraftNote({ restored, error = null, saved = false }: { restored: boolean; error?: string | null; saved?: boolean }) {
  if (error) return <p className="hint form-error">{error}</p>
  if (saved) return <p className="hint">Draft saved — kept until you send or discard it.</p>
  return restored ? <p className="hint">Your unsent draft was restored.</p> : <p className="hint">What you type is kept as a draft until you send or discard it.</p>
}
