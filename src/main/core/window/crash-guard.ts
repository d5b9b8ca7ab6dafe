/** Whether a crashed window is reloaded or shown the error page (three crashes in a minute). */
import type { Clock } from '../ports'

export const CRASH_LOOP_COUNT = 3
export const CRASH_LOOP_WINDOW_MS = 60_000

export const RELOADED_NOTICE = 'The window stopped responding and was reopened; nothing was lost.'

/**
 * Decides what to do when the window's renderer dies: reload it, unless it has died
 * CRASH_LOOP_COUNT times within a minute — then stop reloading and show a plain error page.
 */
export class CrashGuard {
  private readonly crashes: number[] = []

  constructor(private readonly clock: Clock) {}

  onCrash(): 'reload' | 'give-up' {
    const now = this.clock.now()
    this.crashes.push(now)
    while (this.crashes.length > 0 && now - (this.crashes[0] as number) > CRASH_LOOP_WINDOW_MS) this.crashes.shift()
    return this.crashes.length >= CRASH_LOOP_COUNT ? 'give-up' : 'reload'
  }
}
