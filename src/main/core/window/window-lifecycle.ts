/**
 * What the app does when its window goes away — closed, crashed, or the last one gone — and how
 * long quitting may wait. Electron's main file only carries these out.
 */
import type { Clock } from '../ports'
import type { CrashGuard } from './crash-guard'

/** Said the first time closing the window leaves the app running in the tray. */
export const TRAY_HINT = { title: 'OmniValVMS Desktop is still running', body: 'It keeps your orders in sync and tells you about new ones. Quit from the tray icon.' } as const

/** Quitting waits this long at most for what the session asked to write (the disk or keychain may hang). */
export const QUIT_WAIT_MS = 5_000

/** The window's close button: close for real (quitting, or not kept in the tray), or hide it to the tray. */
export function onWindowClose(options: { quitting: boolean; closesToTray: boolean }): 'close' | 'hide' {
  return options.quitting || !options.closesToTray ? 'close' : 'hide'
}

/** The page's process ended: nothing to do (it was closed), reload it, or — crashing again and again — the error page. */
export function onRendererGone(reason: string, guard: CrashGuard): 'ignore' | 'reload' | 'error-page' {
  if (reason === 'clean-exit') return 'ignore'
  return guard.onCrash() === 'reload' ? 'reload' : 'error-page'
}

/** The last window closed: the app quits, except on macOS (it stays in the Dock, as Mac apps do). */
export const quitsWhenLastWindowCloses = (platform: NodeJS.Platform) => platform !== 'darwin'

/** Resolves when `work` has settled or `ms` has passed, whichever comes first. */
export function settleWithin(work: readonly Promise<unknown>[], ms: number, clock: Clock): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(resolve, ms)
    void Promise.allSettled(work).then(() => {
      clock.clearTimeout(timer)
      resolve()
    })
  })
}
