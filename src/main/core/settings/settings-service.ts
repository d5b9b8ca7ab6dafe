/** The app's settings, validated on the way in and out; a damaged value reads as the defaults. */
import { AppSettingsSchema, type AppSettings, type AppSettingsPatch } from '../../../shared/ipc/app-schemas'
import type { KeyValueStore } from '../ports'

const KEY = 'settings'

/** The app's settings, validated on the way in and on the way out; a damaged value reads as the defaults. */
export class SettingsService {
  private readonly listeners = new Set<(settings: AppSettings, previous: AppSettings) => void>()
  /** Read from the store once, then kept: every change goes through update() (a sync reads settings several times). */
  private current: AppSettings | null = null

  constructor(private readonly store: KeyValueStore) {}

  get(): AppSettings {
    if (this.current) return this.current
    const stored = AppSettingsSchema.safeParse(this.store.get(KEY) ?? {})
    this.current = stored.success ? stored.data : AppSettingsSchema.parse({})
    return this.current
  }

  update(patch: AppSettingsPatch): AppSettings {
    const previous = this.get()
    const next = AppSettingsSchema.parse({
      ...previous,
      updates: { ...previous.updates, ...patch.updates },
      notifications: { ...previous.notifications, ...patch.notifications, kinds: { ...previous.notifications.kinds, ...patch.notifications?.kinds } },
      sync: { ...previous.sync, ...patch.sync },
      window: { ...previous.window, ...patch.window },
      uploads: { ...previous.uploads, ...patch.uploads }
    })
    this.store.set(KEY, next)
    this.current = next
    for (const listener of this.listeners) listener(next, previous)
    return next
  }

  onChange(listener: (settings: AppSettings, previous: AppSettings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
