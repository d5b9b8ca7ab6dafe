/** Settings → Notifications, Window & tray, Sync, Uploads. */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { SettingCheckbox } from './SettingCheckbox'
import { NOTIFICATION_KINDS, SYNC_INTERVAL_SECONDS, type AppSettings, type AppSettingsPatch, type NotificationKind } from '../../../shared/ipc/app-schemas'
import { formatTime } from '../lib/format'
import { api, messageOf, unwrap } from '../lib/bridge'
import { SETTINGS_KEY } from './settings-keys'
import { MAPS_PROVIDERS, MAPS_PROVIDER_LABELS } from '../../../shared/directions'

const KIND_LABELS: Record<NotificationKind, string> = {
  newAssignment: 'New assignments',
  revisionRequested: 'Revisions and reconsiderations of value',
  counterOfferAnswered: "The client's answer to a counter-offer",
  cancelled: 'Orders cancelled',
  onHold: 'Orders put on hold',
  reassigned: 'Orders taken away for reassignment',
  deadlineSoon: 'One hour left to respond'
}

const INTERVALS = [30, 60, 120, 300, 600, SYNC_INTERVAL_SECONDS.max]
const intervalLabel = (seconds: number) => (seconds < 60 ? `${seconds} seconds` : seconds === 60 ? '1 minute' : `${seconds / 60} minutes`)

/** The settings with a change applied, as main will store them (shown at once; main's answer confirms it). */
function withPatch(settings: AppSettings, patch: AppSettingsPatch): AppSettings {
  return {
    ...settings,
    notifications: { ...settings.notifications, ...patch.notifications, kinds: { ...settings.notifications.kinds, ...patch.notifications?.kinds } },
    sync: { ...settings.sync, ...patch.sync },
    window: { ...settings.window, ...patch.window },
    uploads: { ...settings.uploads, ...patch.uploads },
    updates: { ...settings.updates, ...patch.updates }
  }
}

/**
 * Saves a change. It shows at once — set before the call, in the same event as the click, so a
 * controlled checkbox never flips back while main answers — and is undone if main refuses it.
 */
function useSave() {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (change: { patch: AppSettingsPatch; before: AppSettings | undefined }) => unwrap(api().updateSettings(change.patch)),
    onError: (_error, { before }) => {
      if (before) queryClient.setQueryData(SETTINGS_KEY, before)
    },
    onSuccess: (next) => queryClient.setQueryData(SETTINGS_KEY, next)
  })
  return {
    error: mutation.error,
    mutate(patch: AppSettingsPatch) {
      const before = queryClient.getQueryData<AppSettings>(SETTINGS_KEY)
      if (before) queryClient.setQueryData(SETTINGS_KEY, withPatch(before, patch))
      mutation.mutate({ patch, before })
    }
  }
}

/** Which notifications, and a pause. */
export function NotificationSettings({ settings }: { settings: AppSettings }) {
  const save = useSave()
  const pausedUntil = settings.notifications.pausedUntil
  const [now] = useState(() => Date.now())
  const paused = pausedUntil !== null && Date.parse(pausedUntil) > now
  return (
    <section className="settings-section" aria-labelledby="settings-notifications">
      <h3 id="settings-notifications">Notifications</h3>
      <fieldset className="field">
        <legend>Tell me about</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <SettingCheckbox key={kind} checked={settings.notifications.kinds[kind]} onChange={(on) => save.mutate({ notifications: { kinds: { [kind]: on } } })}>
            {KIND_LABELS[kind]}
          </SettingCheckbox>
        ))}
      </fieldset>
      {paused && pausedUntil ? (
        <div className="inline-row">
          <span role="status">Paused until {formatTime(pausedUntil)}.</span>
          <button type="button" onClick={() => save.mutate({ notifications: { pausedUntil: null } })}>
            Resume notifications
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => save.mutate({ notifications: { pausedUntil: new Date(Date.now() + 60 * 60_000).toISOString() } })}>
          Pause notifications for 1 hour
        </button>
      )}
      {save.error && <p className="form-error" role="alert">{messageOf(save.error)}</p>}
    </section>
  )
}

/** Window and tray, sync, uploads. */
export function WorkSettings({ settings }: { settings: AppSettings }) {
  const save = useSave()
  const [limit, setLimit] = useState(String(settings.uploads.maxFileMb))
  const isMac = /Mac/.test(navigator.platform)
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-window">
        <h3 id="settings-window">Window &amp; tray</h3>
        <SettingCheckbox checked={settings.window.closeToTray ?? !isMac} onChange={(on) => save.mutate({ window: { closeToTray: on } })}>
          Keep running in the tray when the window is closed
        </SettingCheckbox>
        <SettingCheckbox checked={settings.window.openAtLogin} onChange={(on) => save.mutate({ window: { openAtLogin: on } })}>
          Open at login
        </SettingCheckbox>
        <div className="field">
          <label htmlFor="start-screen">After signing in, show</label>
          <select id="start-screen" value={settings.window.startScreen} onChange={(e) => save.mutate({ window: { startScreen: e.target.value === 'orders' ? 'orders' : 'today' } })}>
            <option value="today">Today</option>
            <option value="orders">All orders</option>
          </select>
        </div>
      </section>
      <section className="settings-section" aria-labelledby="settings-maps">
        <h3 id="settings-maps">Maps</h3>
        <div className="field">
          <label htmlFor="maps-provider">Directions open in</label>
          <select id="maps-provider" value={settings.maps.provider} onChange={(e) => save.mutate({ maps: { provider: MAPS_PROVIDERS.find((p) => p === e.target.value) ?? 'google' } })}>
            {MAPS_PROVIDERS.filter((p) => p !== 'apple' || isMac || settings.maps.provider === 'apple').map((p) => (
              <option key={p} value={p}>
                {MAPS_PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section className="settings-section" aria-labelledby="settings-sync">
        <h3 id="settings-sync">Sync</h3>
        <div className="field">
          <label htmlFor="sync-interval">Check for new and changed orders every</label>
          <select id="sync-interval" value={settings.sync.intervalSeconds} onChange={(e) => save.mutate({ sync: { intervalSeconds: Number(e.target.value) } })}>
            {INTERVALS.map((seconds) => (
              <option key={seconds} value={seconds}>
                {intervalLabel(seconds)}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section className="settings-section" aria-labelledby="settings-uploads">
        <h3 id="settings-uploads">Uploads</h3>
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate({ uploads: { maxFileMb: Number(limit) } })
          }}
        >
          <label htmlFor="upload-limit">Largest report file (MB)</label>
          <div className="inline-row">
            <input id="upload-limit" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />
            <button type="submit">Save</button>
          </div>
          <p className="hint">UCDP refuses files over 15 MB; raise this only if your clients accept larger ones.</p>
        </form>
      </section>
      {save.error && <p className="form-error" role="alert">{messageOf(save.error)}</p>}
    </>
  )
}
