import { describe, expect, it } from 'vitest'
import { QUITTING, SessionTransitions } from '../../src/main/core/session/session-transitions'

const later = () => {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  return { gate, release }
}

describe('session changes, one at a time', () => {
  it('runs changes in the order asked, each after the one before has finished, a failed one included', async () => {
    const transitions = new SessionTransitions()
    const log: string[] = []
    const first = later()
    const a = transitions.run(async () => {
      log.push('a starts')
      await first.gate
      log.push('a ends')
      throw new Error('a failed')
    })
    const b = transitions.run(async () => void log.push('b runs'))
    await Promise.resolve()
    expect(log).toEqual(['a starts'])
    expect(transitions.pending).toBe(2)
    first.release()
    await expect(a).rejects.toThrow('a failed')
    await b
    expect(log).toEqual(['a starts', 'a ends', 'b runs'])
    expect(transitions.pending).toBe(0)
  })

  it('quitting cancels the change under way, drops those waiting, refuses new ones, and runs its own step last', async () => {
    const transitions = new SessionTransitions()
    const log: string[] = []
    const running = transitions.run(
      (signal) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            log.push('a cancelled')
            reject(signal.reason)
          })
        })
    )
    const waiting = transitions.run(async () => void log.push('b ran'))
    await new Promise((resolve) => setImmediate(resolve))
    const quit = transitions.close(async () => void log.push('quit'))
    await expect(running).rejects.toThrow(QUITTING)
    await expect(waiting).rejects.toThrow(QUITTING)
    await quit
    expect(log).toEqual(['a cancelled', 'quit'])
    await expect(transitions.run(async () => 'c')).rejects.toMatchObject({ code: 'cancelled' })
  })
})
