/**
 * Exports and workfiles that take a while: each tells the window how far it has got and can be
 * cancelled by the user; the session's end cancels them all. A cancelled save leaves nothing on
 * disk (each writer builds beside its target and renames at the end).
 */
import type { SaveProgress } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'

/** How often progress is told to the window at most (and always at the end). */
const PROGRESS_INTERVAL_MS = 100

export interface SaveJob {
  /** Aborted when the user cancels or the session ends. */
  readonly signal: AbortSignal
  progress(done: number, total: number, unit: SaveProgress['unit'], step: string): void
  /** Throws "cancelled" once the save was stopped: called between steps. */
  checkpoint(): void
}

export const SAVE_CANCELLED = 'Cancelled. Nothing was saved.'

export class SaveJobs {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly emit: (progress: SaveProgress) => void,
    private readonly now: () => number = Date.now
  ) {}

  async run<T>(saveId: string, work: (job: SaveJob) => Promise<T>): Promise<T> {
    if (this.running.has(saveId)) throw new AppError('invalid_input', 'This save is already running.')
    const controller = new AbortController()
    this.running.set(saveId, controller)
    let lastEmit = Number.NEGATIVE_INFINITY
    // Progress that came too soon is told when the interval is up, unless newer progress came first:
    // a step that then takes long (a slow download) is the one the window shows.
    const later: { progress: SaveProgress; timer: ReturnType<typeof setTimeout> | null } = { progress: { saveId, done: 0, total: 0, unit: 'files', step: '' }, timer: null }
    const tell = (progress: SaveProgress) => {
      if (later.timer) clearTimeout(later.timer)
      later.timer = null
      lastEmit = this.now()
      this.emit(progress)
    }
    const job: SaveJob = {
      signal: controller.signal,
      progress: (done, total, unit, step) => {
        const progress = { saveId, done, total, unit, step: step.slice(0, 300) }
        const wait = lastEmit + PROGRESS_INTERVAL_MS - this.now()
        if (done >= total || wait <= 0) return tell(progress)
        later.progress = progress
        later.timer ??= setTimeout(() => {
          if (!controller.signal.aborted) tell(later.progress)
        }, wait)
      },
      checkpoint: () => {
        if (controller.signal.aborted) throw new AppError('cancelled', SAVE_CANCELLED)
      }
    }
    try {
      return await work(job)
    } catch (error) {
      if (controller.signal.aborted) throw new AppError('cancelled', SAVE_CANCELLED)
      throw error
    } finally {
      if (later.timer) clearTimeout(later.timer)
      this.running.delete(saveId)
    }
  }

  cancel(saveId: string): void {
    this.running.get(saveId)?.abort()
  }

  /** The session ends: every save it started stops. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }
}

/** Lets the event loop take other work (IPC, timers) between chunks of a long computation. */
export const breather = () => new Promise<void>((resolve) => setImmediate(resolve))
