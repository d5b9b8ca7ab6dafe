/** The window's top level: the sign-in flow or the signed-in session's workspace, each session with its own data. */
import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { VENDOR_ROLE, type SessionState } from '../../shared/ipc/session-schemas'
import { NotForThisRole } from './app/NotForThisRole'
import { useSessionState } from './session/useSessionState'
import { api } from './lib/bridge'
import { createQueryClient } from './lib/query-client'
import { SignInFlow } from './signin/SignInFlow'
import { Workspace } from './inbox/Workspace'
import { WORKSPACE_KEY } from './order/order-keys'
import { WindowNotice } from './app/WindowNotice'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

/** Whose workspace it is: an account on one environment. Another one never sees this one's data. */
const sessionIdentity = (s: SignedIn) => `${s.environment.kind}|${s.environment.url}|${s.user.id}`

/**
 * Signed in: the workspace. Signed out: the sign-in flow. Each session's workspace keeps its data
 * in a query client of its own, dropped when another account or environment signs in or the user
 * signs out. When a session ends on its own (refresh refused), the workspace stays mounted behind
 * the sign-in screen, so signing in again as the same person returns to exactly what they had on
 * screen, typed text included.
 */
export function App() {
  const { state, error } = useSessionState()
  const [workspace, setWorkspace] = useState<SignedIn | null>(null)

  // The workspace follows the session, except that it outlives a session that ended on its own.
  if (state?.status === 'signedIn' && workspace !== state) setWorkspace(state)
  if (state?.status === 'signedOut' && state.reason !== 'session_ended' && workspace !== null) setWorkspace(null)

  const identity = workspace ? sessionIdentity(workspace) : null
  const sessionQueries = useMemo(() => (identity ? createQueryClient() : null), [identity])
  useEffect(() => () => sessionQueries?.clear(), [sessionQueries])

  // Back after a forced sign-in as the same person: reload whatever failed meanwhile.
  const wasSignedIn = useRef(false)
  useEffect(() => {
    const signedIn = state?.status === 'signedIn'
    if (signedIn && !wasSignedIn.current) void sessionQueries?.invalidateQueries({ queryKey: WORKSPACE_KEY })
    wasSignedIn.current = signedIn
  }, [state, sessionQueries])

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
      {workspace && sessionQueries && (
        <QueryClientProvider client={sessionQueries}>
          <div className="workspace-host" hidden={!signedIn} inert={!signedIn}>
            <Workspace key={identity} session={signedIn ? state : workspace} active={signedIn} />
          </div>
        </QueryClientProvider>
      )}
      {state.status === 'signedOut' && <SignInFlow state={state} />}
    </>
  )
}
