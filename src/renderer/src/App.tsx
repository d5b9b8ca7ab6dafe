import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { VENDOR_ROLE, type SessionState } from '../../shared/ipc/session-schemas'
import { NotForThisRole } from './app/NotForThisRole'
import { useSessionState } from './session/useSessionState'
import { api } from './lib/bridge'
import { SignInFlow } from './signin/SignInFlow'
import { Workspace } from './inbox/Workspace'
import { WORKSPACE_KEY } from './order/order-keys'
import { WindowNotice } from './app/WindowNotice'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

/**
 * Signed in: the workspace. Signed out: the sign-in flow. When a session ends on its own
 * (refresh refused), the workspace stays mounted behind the sign-in screen, so signing in
 * again as the same person returns to exactly what they had on screen, typed text included.
 */
export function App() {
  const { state, error } = useSessionState()
  const queryClient = useQueryClient()
  const [workspace, setWorkspace] = useState<SignedIn | null>(null)
  const shownUserId = useRef<string | null>(null)

  // The workspace follows the session, except that it outlives a session that ended on its own.
  if (state?.status === 'signedIn' && workspace !== state) setWorkspace(state)
  if (state?.status === 'signedOut' && state.reason !== 'session_ended' && workspace !== null) setWorkspace(null)

  useEffect(() => {
    if (!state) return
    const previous = shownUserId.current
    if (state.status === 'signedIn') {
      if (previous !== null && previous !== state.user.id) queryClient.removeQueries({ queryKey: WORKSPACE_KEY })
      // Back after a forced sign-in as the same person: reload whatever failed meanwhile.
      else if (previous !== null) void queryClient.invalidateQueries({ queryKey: WORKSPACE_KEY })
      shownUserId.current = state.user.id
    } else if (state.reason !== 'session_ended' && previous !== null) {
      // Signed out on purpose, or the saved session was unusable: drop the old workspace's data.
      shownUserId.current = null
      queryClient.removeQueries({ queryKey: WORKSPACE_KEY })
    }
  }, [state, queryClient])

  useEffect(() => {
    const onOnline = () => void api().networkRestored()
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [])

  if (error) return <main className="center-screen" role="alert">The app could not start: {error}</main>
  if (!state) return <main className="center-screen" role="status">Starting…</main>

  const signedIn = state.status === 'signedIn'
  if (signedIn && state.user.role !== VENDOR_ROLE) return <NotForThisRole session={state} />
  return (
    <>
      <WindowNotice />
      {workspace && (
        <div className="workspace-host" hidden={!signedIn} inert={!signedIn}>
          <Workspace key={workspace.user.id} session={signedIn ? state : workspace} active={signedIn} />
        </div>
      )}
      {state.status === 'signedOut' && <SignInFlow state={state} />}
    </>
  )
}
