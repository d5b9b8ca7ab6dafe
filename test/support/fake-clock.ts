import type { Clock, TimerHandle } from '../../src/main/core/ports'

/** A clock tests move by hand: timers fire in order as time advances, never on their own. */
export function createFakeClock(start = Date.parse('2026-11-28T09:00:00Z')) {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const clock: Clock & { advance(ms: number): Promise<void>; pending(): number[] } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++
      timers.set(id, { at: now + Math.max(0, ms), callback })
      return id as unknown as TimerHandle
    },
    clearTimeout(handle) {
      timers.delete(handle as unknown as number)
    },
    /** Moves time forward, firing each timer that falls due (and letting its promises settle). */
    async advance(ms) {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].callback()
        for (let i = 0; i < 10; i++) await Promise.resolve()
      }
      now = until
    },
    /** Delays of the timers still waiting, from now. */
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b)
  }
  return clock
}
