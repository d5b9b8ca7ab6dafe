/** What became of a save the user asked for: where it went or that it was cancelled (a status), or why it failed (an alert). */
import { BridgeError, messageOf } from './bridge'

export function SaveOutcome(props: { saved: string | null; error: unknown }) {
  const cancelled = props.error instanceof BridgeError && props.error.code === 'cancelled'
  const status = props.saved ?? (cancelled ? messageOf(props.error) : null)
  return (
    <>
      {status && (
        <span role="status" className="small">
          {status}
        </span>
      )}
      {!cancelled && props.error !== null && props.error !== undefined && (
        <span role="alert" className="form-error">
          {messageOf(props.error)}
        </span>
      )}
    </>
  )
}
