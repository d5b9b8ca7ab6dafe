/** A modal dialog on the native <dialog>: titled, focus trapped, Esc to close. */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useWorkspaceActive } from '../lib/workspace-active'

/**
 * A modal on the native <dialog>: focus is trapped, Esc closes it (unless busy), it has a title.
 * While the session is gone it steps aside (a modal would make the sign-in screen inert) and
 * comes back, with what was typed, once the user has signed in again.
 */
export function Modal(props: { title: string; onClose(): void; busy?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const active = useWorkspaceActive()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (active && !dialog.open) dialog.showModal()
    if (!active && dialog.open) dialog.close()
  }, [active])
  useEffect(() => {
    const dialog = ref.current
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        if (!props.busy) props.onClose()
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  )
}
