/** What changing a setting does beyond remembering it, and the upload limit a setting gives. */
import type { AppSettings } from '../../../shared/ipc/app-schemas'
import type { SettingsService } from './settings-service'

export interface SettingsEffects {
  /** The update channel or feed changed: check again under the new one. */
  restartUpdates(): void
  /** "Open at login" is the OS's to keep: it is told now, and at every start. */
  setOpenAtLogin(open: boolean): void
  /** Notifications were paused or resumed: the tray says so. */
  showCounts(): void
}

/** Carries out each setting's effect as it changes (and the OS's login item now); returns the stop. */
export function applySettingsEffects(settings: SettingsService, effects: SettingsEffects): () => void {
  const stop = settings.onChange((next, previous) => {
    if (JSON.stringify(next.updates) !== JSON.stringify(previous.updates)) effects.restartUpdates()
    if (next.window.openAtLogin !== previous.window.openAtLogin) effects.setOpenAtLogin(next.window.openAtLogin)
    if (next.notifications.pausedUntil !== previous.notifications.pausedUntil) effects.showCounts()
  })
  effects.setOpenAtLogin(settings.get().window.openAtLogin)
  return stop
}

/** Settings → Uploads' per-file limit, in bytes (UCDP's 15 MB by default). */
export const uploadLimitBytes = (settings: AppSettings) => Math.round(settings.uploads.maxFileMb * 1024 * 1024)
