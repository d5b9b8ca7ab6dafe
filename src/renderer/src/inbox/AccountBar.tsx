import { useMutation } from '@tanstack/react-query'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { api, unwrap } from '../lib/bridge'
import { UpdateReady } from '../app/UpdateReady'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

const PERSISTENCE_TEXT: Record<SignedIn['persistence'], string> = {
  encrypted: 'Session kept encrypted by your system keychain',
  weak: 'Session kept with weak protection (no keychain)',
  memory: 'Session kept only while the app is open'
}

export function AccountBar({ session, onSettings }: { session: SignedIn; onSettings(): void }) {
  const signOut = useMutation({ mutationFn: () => unwrap(api().signOut()) })
  return (
    <header className="topbar">
      <div className="brand">
        OmniValVMS <span>Desktop</span>
      </div>
      <div className="account">
        <span className="who">
          Signed in as <strong>{session.user.name}</strong> <span className="muted">({session.user.email})</span>
        </span>
        <button type="button" onClick={onSettings} aria-keyshortcuts="Control+Comma Meta+Comma">
          Settings
        </button>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  )
}

export function StatusBar({ session, fetchedAt }: { session: SignedIn; fetchedAt: string | null }) {
  const online = session.connectivity === 'online'
  return (
    <footer className="statusbar">
      <span>
        Environment: <strong>{session.environment.label}</strong>
      </span>
      <span role="status" aria-live="polite" className={online ? 'online' : 'offline'}>
        {online ? '● Online' : '○ Offline — retrying automatically'}
      </span>
      <span>{PERSISTENCE_TEXT[session.persistence]}</span>
      {fetchedAt && <span className="muted">Updated {new Date(fetchedAt).toLocaleTimeString()}</span>}
      <UpdateReady />
    </footer>
  )
}
