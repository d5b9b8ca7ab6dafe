/** What became of a save the user asked for: where it went (a status), or why it failed (an alert). */
import { messageOf } from './bridge'

export function SaveOutcome(props: { saved: string | null; error: unknown }) {
  return (
    <>
      {props.saved && (
        <span role="status" className="small">
          {props.saved}
        </span>
      )}
      {props.error !== null && props.error !== undefined && (
        <span role="alert" className="form-error">
          {messageOf(props.error)}
        </span>
      )}
    </>
  )
}
