/** The session as main sees it: asked once, then kept current by its events. */
import { useEffect, useState } from 'react'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { api, messageOf, unwrap } from '../lib/bridge'

/** The session as main sees it: asked once, then kept current by main's events. */
export function useSessionState(): { state: SessionState | null; error: string | null } {
  const [state, setState] = useState<SessionState | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = api().onSessionChanged((next) => {
      if (live) setState(next)
    })
    unwrap(api().getSessionState())
      .then((initial) => {
        if (live) setState((current) => current ?? initial)
      })
      .catch((e: unknown) => {
        if (live) setError(messageOf(e))
      })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])
  return { state, error }
}
