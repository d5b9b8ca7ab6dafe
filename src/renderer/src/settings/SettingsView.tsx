/** The Settings screen: its sections, Updates, Help and About. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { AppSettings } from '../../../shared/ipc/app-schemas'
import { formatDateTime } from '../lib/format'
import { api, messageOf, unwrap } from '../lib/bridge'
import { ErrorState } from '../lib/ErrorState'
import { useUpdateStatus } from './useUpdateStatus'
import { NotificationSettings, WorkSettings } from './DesktopSettings'
import { SignInSettings } from './SignInSettings'
import type { SessionState } from '../../../shared/ipc/session-schemas'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>
import { SETTINGS_KEY } from './settings-keys'

const APP_INFO_KEY = ['app-info'] as const

/** The Settings screen (Ctrl/Cmd+, or the account area). Sections follow the ui notes; issue by issue more arrive. */
export function SettingsView({ session, onClose, focusAbout }: { session: SignedIn; onClose(): void; focusAbout?: boolean }) {
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => unwrap(api().getSettings()) })
  const headingRef = useRef<HTMLHeadingElement>(null)
  const aboutRef = useRef<HTMLElement>(null)
  useEffect(() => {
    if (focusAbout) aboutRef.current?.scrollIntoView()
    else headingRef.current?.focus()
  }, [focusAbout])
  return (
    <section className="settings" aria-labelledby="settings-title">
      <header className="settings-header">
        <h2 id="settings-title" ref={headingRef} tabIndex={-1}>
          Settings
        </h2>
        <button type="button" onClick={onClose}>
          Back to orders
        </button>
      </header>
      {settings.isPending && <p role="status">Loading settings…</p>}
      {settings.isError && <ErrorState message={messageOf(settings.error)} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <>
          <NotificationSettings settings={settings.data} />
          <WorkSettings settings={settings.data} />
          <SignInSettings session={session} />
          <UpdatesSection settings={settings.data} />
        </>
      )}
      <HelpSection aboutRef={aboutRef} />
    </section>
  )
}

function UpdatesSection({ settings }: { settings: AppSettings }) {
  const queryClient = useQueryClient()
  const status = useUpdateStatus()
  const save = useMutation({
    mutationFn: (patch: Partial<AppSettings['updates']>) => unwrap(api().updateSettings({ updates: patch })),
    onSuccess: (next) => queryClient.setQueryData(SETTINGS_KEY, next)
  })
  const check = useMutation({ mutationFn: () => unwrap(api().checkForUpdates()) })
  return (
    <section className="settings-section" aria-labelledby="settings-updates">
      <h3 id="settings-updates">Updates</h3>
      <p role="status" className="muted">
        {describeUpdates(status)}
      </p>
      <div className="field">
        <label htmlFor="update-channel">Update channel</label>
        <select id="update-channel" value={settings.updates.channel} onChange={(e) => save.mutate({ channel: e.target.value as 'stable' | 'beta' })}>
          <option value="stable">Stable (recommended)</option>
          <option value="beta">Beta — new features first</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="update-feed">Update feed</label>
        <input id="update-feed" type="text" readOnly value={status?.feed?.url ?? 'None'} />
        <p className="hint">
          {status?.feed?.source === 'policy'
            ? "Set by your organisation's update policy file. Only an administrator can change it."
            : status?.feed?.source === 'installer'
              ? 'Built into this installer. An administrator can name another with an update policy file.'
              : 'No feed: updates come with a new installer.'}
        </p>
      </div>
      {save.error && (
        <p className="form-error" role="alert">
          {messageOf(save.error)}
        </p>
      )}
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending || status?.state === 'disabled' || status?.state === 'checking'}>
        {check.isPending ? 'Checking…' : 'Check for updates now'}
      </button>
    </section>
  )
}

function describeUpdates(status: ReturnType<typeof useUpdateStatus>): string {
  if (!status) return 'Checking update status…'
  const last = status.lastCheckedAt ? ` Last checked ${formatDateTime(status.lastCheckedAt)}.` : ''
  switch (status.state) {
    case 'disabled':
      return status.message ?? 'Updates are off.'
    case 'idle':
      return `You have the latest version.${last}`
    case 'checking':
      return 'Checking for updates…'
    case 'downloading':
      return `Downloading version ${status.version ?? ''} in the background.`
    case 'ready':
      return `Version ${status.version ?? ''} is ready. Restart to update, or it installs when you quit.`
    case 'error':
      return `${status.message ?? 'The last update check failed.'}${last}`
  }
}

function HelpSection({ aboutRef }: { aboutRef: React.RefObject<HTMLElement | null> }) {
  const info = useQuery({ queryKey: APP_INFO_KEY, queryFn: () => unwrap(api().getAppInfo()), staleTime: Infinity })
  const exportFile = useMutation({ mutationFn: () => unwrap(api().exportDiagnostics()) })
  const openLogs = useMutation({ mutationFn: () => unwrap(api().openLogsFolder()) })
  return (
    <section className="settings-section" aria-labelledby="settings-help" ref={aboutRef}>
      <h3 id="settings-help">Help</h3>
      <p>If something goes wrong, export diagnostics and e-mail the file to support. It holds versions, recent requests and log lines — never your password, tokens or borrower details.</p>
      <div className="inline-row">
        <button type="button" onClick={() => exportFile.mutate()} disabled={exportFile.isPending}>
          {exportFile.isPending ? 'Exporting…' : 'Export diagnostics…'}
        </button>
        <button type="button" onClick={() => openLogs.mutate()}>
          Open logs folder
        </button>
      </div>
      {exportFile.data && (
        <p role="status" className="small">
          Diagnostics saved to {exportFile.data.savedTo}
        </p>
      )}
      {(exportFile.error ?? openLogs.error) && (
        <p className="form-error" role="alert">
          {messageOf(exportFile.error ?? openLogs.error)}
        </p>
      )}
      <h4>About</h4>
      {info.data && (
        <dl className="facts" aria-label="About this app">
          <div className="fact">
            <dt>Version</dt>
            <dd>{info.data.version}</dd>
          </div>
          <div className="fact">
            <dt>Electron</dt>
            <dd>{info.data.electron ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>Chrome</dt>
            <dd>{info.data.chrome ?? '—'}</dd>
          </div>
          <div className="fact">
            <dt>Node</dt>
            <dd>{info.data.node}</dd>
          </div>
          <div className="fact">
            <dt>Operating system</dt>
            <dd>{info.data.os}</dd>
          </div>
        </dl>
      )}
    </section>
  )
}
