/**
 * The one owner of "which session is active": every change of it — sign-in, restore, sign-out, a
 * session the platform ended, quitting — runs here, one at a time, in the order asked. A change
 * asked while another runs waits for it; quitting cancels the one running (its requests are aborted
 * and it must not activate anything) and refuses any later one.
 */
import { AppError } from '../errors'

export const QUITTING = 'The app is quitting.'

export class SessionTransitions {
  private tail: Promise<unknown> = Promise.resolve()
  private running: AbortController | null = null
  private closed = false
  private queued = 0

  /** Runs `change` after every change asked before it; its signal aborts when the app quits. */
  run<T>(change: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('cancelled', QUITTING))
    this.queued++
    const result = this.tail.then(async () => {
      const controller = new AbortController()
      this.running = controller
      try {
        if (this.closed) throw new AppError('cancelled', QUITTING)
        return await change(controller.signal)
      } finally {
        this.running = null
        this.queued--
      }
    })
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Changes running or waiting. */
  get pending(): number {
    return this.queued
  }

  /**
   * Quitting: no change starts after this one; the one running is cancelled; `last` runs once it
   * has settled, and nothing after it.
   */
  async close(last: () => Promise<void>): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.running?.abort(new AppError('cancelled', QUITTING))
    const previous = this.tail
    const done = previous.then(last)
    this.tail = done.catch(() => undefined)
    await done
  }
}
