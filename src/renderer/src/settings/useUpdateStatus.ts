/** The update status, as main reports it. */
import { useEffect, useState } from 'react'
import type { UpdateStatus } from '../../../shared/ipc/app-schemas'
import { api, unwrap } from '../lib/bridge'

/** The updater's state as main reports it: asked once, then kept current by events. */
export function useUpdateStatus(): UpdateStatus | null {
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = api().onUpdateStatusChanged((next) => live && setStatus(next))
    unwrap(api().getUpdateStatus())
      .then((initial) => live && setStatus((current) => current ?? initial))
      .catch(() => undefined)
    return () => {
      live = false
      unsubscribe()
    }
  }, [])
  return status
}
