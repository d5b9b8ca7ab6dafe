/** The account bar (who, Settings, Sign out) and the status bar (environment, connection, storage, updates). */
import { useMutation } from '@tanstack/react-query'
import { memo, useEffect, useState } from 'react'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { api, unwrap } from '../lib/bridge'
import { UpdateReady } from '../app/UpdateReady'
import { formatTime } from '../lib/format'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

const PERSISTENCE_TEXT: Record<SignedIn['persistence'], string> = {
  encrypted: 'Session kept encrypted by your system keychain',
  weak: 'Session kept with weak protection (no keychain)',
  memory: 'Session kept only while the app is open'
}

export const AccountBar = memo(function AccountBar({ session, onSettings }: { session: SignedIn; onSettings(): void }) {
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
})

function useSecondsUntil(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!iso) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [iso])
  return iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : null
}

function ConnectionState({ session, offlineSince }: { session: SignedIn; offlineSince: string | null }) {
  const seconds = useSecondsUntil(session.connectivity === 'slowed' ? session.retryAt : null)
  if (offlineSince) return <span className="offline">○ Offline — showing data from {formatTime(offlineSince)}</span>
  switch (session.connectivity) {
    case 'online':
      return <span className="online">● Online</span>
    case 'offline':
      return <span className="offline">○ Offline — retrying automatically</span>
    case 'slowed':
      // The platform asked the app to wait: nothing is sent before then.
      return <span className="slowed">{session.retryAt && seconds !== null && seconds > 60 ? `Retrying at ${formatTime(session.retryAt)}` : `Retrying in ${seconds ?? 0} s`}</span>
  }
}

export const StatusBar = memo(function StatusBar({ session, fetchedAt, offlineSince }: { session: SignedIn; fetchedAt: string | null; offlineSince: string | null }) {
  return (
    <footer className="statusbar">
      <span>
        Environment: <strong>{session.environment.label}</strong>
      </span>
      <span role="status" aria-live="polite">
        <ConnectionState session={session} offlineSince={offlineSince} />
      </span>
      <span>{PERSISTENCE_TEXT[session.persistence]}</span>
      {session.notice && (
        <span role="alert" className="statusbar-notice">
          {session.notice}
        </span>
      )}
      {fetchedAt && <span className="muted">Updated {formatTime(fetchedAt)}</span>}
      <UpdateReady />
    </footer>
  )
})
