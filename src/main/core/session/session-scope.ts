/**
 * The owner of everything one signed-in session starts: created at sign-in (or restore), disposed
 * at sign-out or when the session ends. Its AbortSignal cancels every request it started, its
 * timers die with it, and nothing it started may write to disk, reach the window, notify or send
 * once it is disposed (models: matrix-js-sdk's stopClient, VS Code's DisposableStore).
 */
import { setMaxListeners } from 'node:events'
import { AppError, MESSAGES } from '../errors'
import type { Clock, TimerHandle } from '../ports'
import { sessionKeyId, type SessionKey } from '../primitives/session-key'


export class SessionScope {
  readonly id: string
  private readonly controller = new AbortController()
  private readonly disposers: (() => void)[] = []

  constructor(readonly key: SessionKey) {
    this.id = sessionKeyId(key)
    // Each request in flight listens to it (a sync reads up to 4 pages per client at once): not a leak.
    setMaxListeners(0, this.controller.signal)
  }

  /** Aborted at dispose: every request the session started is cancelled. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get live(): boolean {
    return !this.controller.signal.aborted
  }

  /** Throws "signed out" once disposed: for code about to send, write or tell the window. */
  assertLive(): void {
    if (!this.live) throw new AppError('not_signed_in', MESSAGES.notSignedIn)
  }

  /** Runs `effect` only while the scope is live. */
  ifLive(effect: () => void): void {
    if (this.live) effect()
  }

  /** Cleanup run at dispose, the last registered first; run at once if already disposed. */
  add(dispose: () => void): void {
    if (this.live) this.disposers.push(dispose)
    else dispose()
  }

  /** The clock for this session's work: its timers never fire after dispose. */
  clock(base: Clock): Clock {
    const timers = new Set<TimerHandle>()
    this.add(() => {
      for (const handle of timers) base.clearTimeout(handle)
      timers.clear()
    })
    return {
      now: () => base.now(),
      setTimeout: (callback, ms) => {
        const handle: TimerHandle = base.setTimeout(() => {
          timers.delete(handle)
          if (this.live) callback()
        }, ms)
        if (this.live) timers.add(handle)
        else base.clearTimeout(handle)
        return handle
      },
      clearTimeout: (handle) => {
        timers.delete(handle)
        base.clearTimeout(handle)
      }
    }
  }

  dispose(): void {
    if (!this.live) return
    this.controller.abort(new AppError('not_signed_in', MESSAGES.notSignedIn))
    for (const dispose of this.disposers.splice(0).reverse()) {
      try {
        dispose()
      } catch {
        // One owner's cleanup failing does not keep the others running.
      }
    }
  }
}
