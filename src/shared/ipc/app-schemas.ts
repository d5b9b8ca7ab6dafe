/** The IPC shapes of the app itself: settings, updates, app info, menu commands, renderer errors. */
import { z } from 'zod'
import { NOTIFICATION_KINDS, type NotificationKind } from '../workflow/notifications'
import { STATUS_GROUPS } from '../workflow/queues'
import { MAPS_PROVIDERS } from '../directions'

export const UpdateChannelSchema = z.enum(['stable', 'beta'])

export { NOTIFICATION_KINDS, type NotificationKind }

export const SYNC_INTERVAL_SECONDS = { min: 30, max: 15 * 60, default: 60 } as const

/** The app's settings, kept by main. Every field has a default, so an old or damaged file still reads. */
export const MapsProviderSchema = z.enum(MAPS_PROVIDERS)

export const AppSettingsSchema = z.object({
  notifications: z
    .object({
      kinds: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean().default(true)])) as Record<NotificationKind, z.ZodDefault<z.ZodBoolean>>).default(
        Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<NotificationKind, boolean>
      ),
      /** Notifications are held back until then ("Pause notifications for 1 hour"). */
      pausedUntil: z.string().nullable().default(null)
    })
    .default({ kinds: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<NotificationKind, boolean>, pausedUntil: null }),
  sync: z
    .object({ intervalSeconds: z.number().int().min(SYNC_INTERVAL_SECONDS.min).max(SYNC_INTERVAL_SECONDS.max).default(SYNC_INTERVAL_SECONDS.default) })
    .default({ intervalSeconds: SYNC_INTERVAL_SECONDS.default }),
  window: z
    .object({
      /** null: the OS's default (on for Windows and Linux, off for macOS, whose apps live in the Dock). */
      closeToTray: z.boolean().nullable().default(null),
      trayHintShown: z.boolean().default(false),
      openAtLogin: z.boolean().default(false),
      /** The first screen after sign-in: Today (what needs doing today), or the orders list. */
      startScreen: z.enum(['today', 'orders']).default('today')
    })
    .default({ closeToTray: null, trayHintShown: false, openAtLogin: false, startScreen: 'today' }),
  uploads: z.object({ maxFileMb: z.number().min(1).max(4096).default(15) }).default({ maxFileMb: 15 }),
  /** Where Directions open: the user's maps. */
  maps: z.object({ provider: MapsProviderSchema.default('google') }).default({ provider: 'google' }),
  // The feed is not a setting: it comes from the installer or an administrator's policy file.
  updates: z.object({ channel: UpdateChannelSchema.default('stable') }).default({ channel: 'stable' })
})
export type AppSettings = z.infer<typeof AppSettingsSchema>

export const AppSettingsPatchSchema = z.object({
  updates: z.object({ channel: UpdateChannelSchema }).partial().strict().optional(),
  notifications: z
    .object({
      kinds: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>).partial(),
      pausedUntil: z.string().max(40).nullable()
    })
    .partial()
    .optional(),
  sync: z.object({ intervalSeconds: z.number().int().min(SYNC_INTERVAL_SECONDS.min).max(SYNC_INTERVAL_SECONDS.max) }).partial().optional(),
  window: z.object({ closeToTray: z.boolean(), trayHintShown: z.boolean(), openAtLogin: z.boolean(), startScreen: z.enum(['today', 'orders']) }).partial().optional(),
  uploads: z.object({ maxFileMb: z.number().min(1).max(4096) }).partial().optional(),
  maps: z.object({ provider: MapsProviderSchema }).partial().optional()
})
export type AppSettingsPatch = z.infer<typeof AppSettingsPatchSchema>

export const UpdateStatusSchema = z.object({
  state: z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'error']),
  /** The newer version being downloaded or ready to install. */
  version: z.string().nullable(),
  /** Why updates are off, or what went wrong, in plain words. */
  message: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  /** The feed updates come from and who set it: an administrator's policy file, or the installer. */
  feed: z.object({ url: z.string(), source: z.enum(['policy', 'installer']) }).nullable()
})
export type UpdateFeedSource = 'policy' | 'installer'
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string(),
  os: z.string()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

const queueIds = STATUS_GROUPS.map((g) => g.id) as [(typeof STATUS_GROUPS)[number]['id'], ...(typeof STATUS_GROUPS)[number]['id'][]]
/** One of the inbox queues (STATUS_GROUPS), by its id. */
export const QueueIdSchema = z.enum(queueIds)

/** What the application menu asks the window to do. */
export const MenuCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('showQueue'), queue: QueueIdSchema }),
  z.object({ command: z.literal('focusSearch') }),
  z.object({ command: z.literal('refresh') }),
  z.object({ command: z.literal('openSettings') }),
  z.object({ command: z.literal('showAbout') }),
  z.object({ command: z.literal('showToday') }),
  z.object({ command: z.literal('printOrderSheet') })
])
export type MenuCommand = z.infer<typeof MenuCommandSchema>

export const RendererErrorSchema = z.object({
  message: z.string().max(2000),
  stack: z.string().max(8000).nullable(),
  /** Where it was caught: window.onerror, an unhandled rejection, a React error boundary. */
  source: z.enum(['error', 'unhandledrejection', 'react'])
})
