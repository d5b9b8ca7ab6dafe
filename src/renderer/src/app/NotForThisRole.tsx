/** The screen for an account that is not an appraiser's: this app is for vendors. */
import { useMutation } from '@tanstack/react-query'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { api, unwrap } from '../lib/bridge'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

/** Signed in with an account that is not an appraiser's: say so plainly, and offer Sign out. */
export function NotForThisRole({ session }: { session: SignedIn }) {
  const signOut = useMutation({ mutationFn: () => unwrap(api().signOut()) })
  return (
    <main className="center-screen">
      <div className="card" role="alert" aria-labelledby="role-title">
        <h1 id="role-title">This account can't work orders here</h1>
        <p>
          This app is for appraisers working orders (vendor accounts). You are signed in as a {session.user.role}
          {session.user.email ? ` (${session.user.email})` : ''}. Use the OmniValVMS client portal, or sign in with an appraiser account.
        </p>
        <button type="button" className="primary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </main>
  )
}
