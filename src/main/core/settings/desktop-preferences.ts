/** The window-and-tray preferences main applies itself: pausing notifications, closing to the tray, its one-time hint. */
import type { Clock } from '../ports'
import type { SettingsService } from './settings-service'

export class DesktopPreferences {
  constructor(
    private readonly settings: SettingsService,
    private readonly clock: Clock
  ) {}

  /** "Pause notifications for 1 hour" (minutes > 0) or resume them (0), from the tray. */
  pauseNotifications(minutes: number): void {
    this.settings.update({ notifications: { pausedUntil: minutes > 0 ? new Date(this.clock.now() + minutes * 60_000).toISOString() : null } })
  }

  /** Closing the window keeps the app in the tray (a setting; by default on Windows and Linux). */
  closesToTray(platform: NodeJS.Platform): boolean {
    return this.settings.get().window.closeToTray ?? platform !== 'darwin'
  }

  /** The first close to the tray says so once; true the first time. */
  takeTrayHint(): boolean {
    if (this.settings.get().window.trayHintShown) return false
    this.settings.update({ window: { trayHintShown: true } })
    return true
  }
}
