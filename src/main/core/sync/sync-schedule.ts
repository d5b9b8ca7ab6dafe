/**
 * When the next sync runs: on the interval (a setting); after failures (offline, 5xx, 429, an
 * unreadable answer) backing off, doubling up to 15 minutes — and never before the platform's
 * Retry-After has passed.
 */
import { AppError } from '../errors'
import type { Clock, TimerHandle } from '../ports'
import { timerDelay } from '../primitives/timer-delay'

export const MAX_BACKOFF_MS = 15 * 60_000
const BACKING_OFF: ReadonlySet<string> = new Set(['offline', 'server_error', 'rate_limited', 'bad_response'])

/** The wait before the next sync, after `failuresInARow` failures the last of which was `error` (null: it worked). */
export function nextSyncDelay(options: { intervalMs: number; failuresInARow: number; error: unknown; retryAt: number | null; now: number }): number {
  const { intervalMs, failuresInARow, error, retryAt, now } = options
  let delay = intervalMs
  if (error instanceof AppError && BACKING_OFF.has(error.code)) delay = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failuresInARow - 1, 6))
  return retryAt !== null ? Math.max(delay, retryAt - now) : delay
}

export interface SyncScheduleDeps {
  clock: Clock
  intervalMs(): number
  /** Until when the platform asked this session to wait (429), if it did. */
  retryAt(): number | null
  /** The sync to run when the time comes. */
  run(): void
}

export class SyncSchedule {
  private timer: TimerHandle | null = null
  private failuresInARow = 0

  constructor(private readonly deps: SyncScheduleDeps) {}

  /** A sync ended (`error`: how it failed, null when it worked); the next one is set if `schedule`. */
  after(error: unknown, schedule: boolean): void {
    this.failuresInARow = error === null ? 0 : this.failuresInARow + 1
    if (!schedule) return
    this.cancel()
    const { clock } = this.deps
    const delay = nextSyncDelay({ intervalMs: this.deps.intervalMs(), failuresInARow: this.failuresInARow, error, retryAt: this.deps.retryAt(), now: clock.now() })
    this.timer = clock.setTimeout(() => {
      this.timer = null
      this.deps.run()
    }, timerDelay(delay))
  }

  cancel(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
