import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SaveJobs } from '../../src/main/core/orders/save-jobs'
import type { SaveProgress } from '../../src/shared/ipc/order-schemas'

/** What the window is told of a long save, and how it stops. */
describe('SaveJobs', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 0 }))
  afterEach(() => void vi.useRealTimers())
  const told = () => {
    const seen: SaveProgress[] = []
    return { seen, jobs: new SaveJobs((p) => seen.push(p), () => Date.now()) }
  }

  it('tells at most every 100 ms, the newest step once the interval is up, and always the end', async () => {
    const { seen, jobs } = told()
    let release = () => undefined as void
    const done = jobs.run('save-12345678', async (job) => {
      job.progress(0, 3, 'files', 'The order sheet')
      job.progress(1, 3, 'files', 'The history')
      job.progress(2, 3, 'files', 'Downloading letter.pdf')
      // The download takes long: the window must show it, not the sheet.
      await new Promise<void>((resolve) => (release = resolve))
      job.progress(3, 3, 'files', 'Saved')
      return 'ok'
    })
    expect(seen.map((p) => p.step)).toEqual(['The order sheet'])
    await vi.advanceTimersByTimeAsync(100)
    expect(seen.map((p) => p.step)).toEqual(['The order sheet', 'Downloading letter.pdf'])
    release()
    expect(await done).toBe('ok')
    expect(seen.at(-1)).toEqual({ saveId: 'save-12345678', done: 3, total: 3, unit: 'files', step: 'Saved' })
  })

  it('cancel, or the session ending, stops a save at its next step as "cancelled", and nothing more is told', async () => {
    for (const stop of ['cancel', 'session ends'] as const) {
      const { seen, jobs } = told()
      const running = jobs.run('save-abcdefgh', async (job) => {
        job.progress(0, 2, 'rows', 'Writing')
        job.progress(1, 2, 'rows', 'Writing')
        await vi.advanceTimersByTimeAsync(10)
        job.checkpoint()
        return 'finished'
      })
      if (stop === 'cancel') jobs.cancel('save-abcdefgh')
      else jobs.cancelAll()
      await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled. Nothing was saved.' })
      await vi.advanceTimersByTimeAsync(1000)
      expect(seen, stop).toHaveLength(1)
    }
  })

  it('one save id runs once at a time', async () => {
    const { jobs } = told()
    const first = jobs.run('save-same-id', () => new Promise((resolve) => setTimeout(resolve, 50)))
    await expect(jobs.run('save-same-id', async () => 'again')).rejects.toMatchObject({ code: 'invalid_input' })
    await vi.advanceTimersByTimeAsync(50)
    await first
    expect(await jobs.run('save-same-id', async () => 'again')).toBe('again')
  })
})
