/**
 * What the main-process logic needs from its host. Electron provides these in the app
 * (src/main/electron); plain Node provides them in tests and the e2e harness.
 */
import type { SafeFileName } from './primitives/safe-file-name'

/** The OS secret protection (Electron safeStorage). Async so the switch to async safeStorage is one adapter. */
export interface SecretCipher {
  /** The backend in use: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet*', 'basic_text', 'unknown', or 'unavailable'. */
  backend(): Promise<string>
  isEncryptionAvailable(): Promise<boolean>
  encrypt(plaintext: string): Promise<Uint8Array>
  decrypt(ciphertext: Uint8Array): Promise<string>
}

/** A small persistent key-value store (electron-store / conf). */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  /** True once if the backing file was unreadable and had to be set aside since the last call. */
  takeRecoveredFromCorruption(): boolean
  /** Why the store runs in memory only (its file can't be used), for the user; null when all is well. */
  problem(): string | null
}

export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof setTimeout>

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export type HttpFetch = (input: string, init: RequestInit) => Promise<Response>

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** Where the local sandbox platform is: started inside the app, or one given by the environment. */
export interface SandboxProvider {
  url(): Promise<string>
  /**
   * What the sandbox environment is called in session keys when its address is not stable (the
   * embedded one gets a new port every launch); by default the origin of its URL.
   */
  keyOrigin?: string
}

/** The native open and save dialogs (main process only; the renderer never names a path). */
export interface FileDialogs {
  /** Paths the user picked; empty when cancelled. */
  openFiles(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[]>
  /** The path to save to; null when cancelled. */
  /** `defaultName` only through safeFileName(): a name from outside never picks the folder. */
  saveFile(options: { title: string; defaultName: SafeFileName }): Promise<string | null>
}

/** Opens a vetted external link in the user's browser or mail client, after asking where policy says so. */
/** What the confirmation shows, and the link that opens if the user agrees: only what was shown. */
export interface LinkConfirmation {
  kind: 'mail' | 'web' | 'call'
  /** Where it goes: the web address, or the mail's recipients. */
  target: string
  /** The link to open: for mail, rebuilt from the parts shown (a part not shown never reaches the mail client). */
  url: string
  message: string
  detail: string
  confirmLabel: string
}

export interface ExternalOpener {
  open(url: string): Promise<void>
  /** Shows where the link goes and asks; true to open it. */
  confirm(link: LinkConfirmation): Promise<boolean>
}

/** The auto-updater (electron-updater in the packaged app). */
export interface UpdaterPort {
  setFeed(feed: { url: string; channel: 'stable' | 'beta' }): void
  /** Asks the feed; resolves with the version it offers when that differs from this one, or null. Downloads nothing. */
  checkForUpdate(): Promise<string | null>
  /** Downloads the release the last check found (onDownloaded tells when it is ready). */
  download(): Promise<void>
  /** Called when a downloaded update is ready to install. */
  onDownloaded(listener: (version: string) => void): () => void
  /** Install a downloaded update when the app quits. */
  setInstallOnQuit(enabled: boolean): void
  quitAndInstall(): void
}

/** OS notifications (Electron's Notification in the app; a recording fake in the browser harness). */
export interface Notifier {
  show(notification: { id: string; title: string; body: string }): void
  /** Called with the notification's id when the user clicks it. */
  onClick(listener: (id: string) => void): () => void
}

/** The window's page as a PDF, as print media lays it out (Electron's webContents.printToPDF). */
export interface PdfPrinter {
  /** The page the window shows now, printed: the open order's sheet. */
  windowToPdf(): Promise<Uint8Array>
}

/** The dock / taskbar badge (count of orders waiting for the appraiser). */
export interface BadgePort {
  setCount(count: number): void
}

/** The tray icon (menu bar on macOS): what waits, and whether notifications are paused. */
export interface TrayPort {
  update(state: { awaiting: number; revisions: number; paused: boolean }): void
}

/** Whether the app starts when the user logs in to the computer. */
export interface LoginItemPort {
  setOpenAtLogin(open: boolean): void
}

/** The app window as the core may ask for it: shown and focused (opened again if it was closed to the tray). */
export interface WindowPort {
  show(): void
}

/** Opens a folder in the OS file manager. */
export interface FolderOpener {
  openFolder(path: string): Promise<void>
}

/** The recent lines of the app's log file, for diagnostics. */
export interface LogTail {
  folder: string
  lastLines(count: number): Promise<string[]>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}
