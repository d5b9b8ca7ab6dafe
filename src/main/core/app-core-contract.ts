/** What the main-process core needs from its host (the ports) and what it offers it: the app's two faces. */
import type { KnownPersonalValues } from './privacy/known-personal-values'
import type { FeedPolicy } from './updates/update-feed-policy'
import type { AppInfo, MenuCommand } from '../../shared/ipc/app-schemas'
import type { EnvironmentKind } from '../../shared/ipc/session-schemas'
import type { IpcDispatch } from './ipc/dispatcher'
import type { BadgePort, Clock, ExternalOpener, FileDialogs, FolderOpener, HttpFetch, KeyValueStore, Logger, LoginItemPort, LogTail, Notifier, PdfPrinter, SandboxProvider, SecretCipher, TrayPort, UpdaterPort, WindowPort } from './ports'

export interface AppCoreDeps {
  /** The app's own folder in the user's profile (Electron's userData): the session vault lives here. */
  dataDir: string
  store: KeyValueStore
  cipher: SecretCipher
  fetch: HttpFetch
  logger: Logger
  /** The borrower names the active session knows, which the logger masks in free text (the same object the logger was given). */
  knownPersonal?: KnownPersonalValues | null
  sandbox: SandboxProvider
  external: ExternalOpener
  dialogs: FileDialogs
  folders: FolderOpener
  /** The app's log file, for diagnostics. */
  logTail: LogTail
  appInfo: AppInfo
  /** Per-file upload limit; UCDP's 15 MB by default. */
  maxUploadBytes?: number
  /** Origins whose main frame may call IPC (the app's own content only). */
  trustedOrigins: readonly string[]
  clock?: Clock
  /** The auto-updater; null (the default) in unpackaged builds, where updates are off. */
  updater?: UpdaterPort | null
  /** The update feed built into the installer, used unless an administrator's policy file names another. */
  builtInUpdateFeed?: string | null
  /** What the administrator's policy file says (read at start; see update-feed-policy.ts). */
  updateFeedPolicy?: FeedPolicy
  /** The environment the sign-in screen offers first: production in packaged builds. */
  defaultEnvironment?: Exclude<EnvironmentKind, 'custom'>
  notifier?: Notifier | null
  badge?: BadgePort | null
  /** Prints the window to PDF (Save as PDF…); null where there is no window to print. */
  printer?: PdfPrinter | null
  tray?: TrayPort | null
  loginItem?: LoginItemPort | null
  window?: WindowPort | null
}

export type EventListener = (channel: string, payload: unknown) => void

export interface AppCore {
  dispatch: IpcDispatch
  /** Main→renderer events, already validated against the contract, keyed by channel. */
  subscribe(listener: EventListener): () => void
  /** Call when the system resumes from sleep or the network comes back. */
  wake(): Promise<void>
  /** The application menu asks the window to do something. */
  menuCommand(command: MenuCommand): void
  /** Help → Export diagnostics… from the menu. */
  exportDiagnostics(): Promise<{ savedTo: string } | null>
  /** A message the next window (or the reloaded one) shows once. */
  setWindowNotice(text: string): void
  /** One sync with the platform now; resolves when it is done. */
  syncNow(): Promise<void>
  /** An omnivms:// link from the OS (second instance, open-url, or the command line at start). Never rejects. */
  openDeepLink(url: string): Promise<void>
  pauseNotifications(minutes: number): void
  closesToTray(platform: NodeJS.Platform): boolean
  takeTrayHint(): boolean
  ready: Promise<void>
  /** Stops everything; resolves once the session's pending writes have landed (await it before the process exits). */
  dispose(): Promise<void>
}

