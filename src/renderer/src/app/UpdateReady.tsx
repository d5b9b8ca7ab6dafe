/** "Update ready — Restart to update" in the status bar. */
import { useMutation } from '@tanstack/react-query'
import { api, messageOf, unwrap } from '../lib/bridge'
import { useUpdateStatus } from '../settings/useUpdateStatus'

/** "Update ready — Restart to update" in the status bar, once an update has downloaded. */
export function UpdateReady() {
  const status = useUpdateStatus()
  const restart = useMutation({ mutationFn: () => unwrap(api().restartToUpdate()) })
  if (status?.state !== 'ready') return null
  return (
    <span className="update-ready">
      Update ready —{' '}
      <button type="button" className="link" onClick={() => restart.mutate()} disabled={restart.isPending}>
        Restart to update
      </button>
      {restart.error && (
        <span role="alert" className="form-error">
          {' '}
          {messageOf(restart.error)}
        </span>
      )}
    </span>
  )
}
