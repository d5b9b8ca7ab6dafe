import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newCapture, type ElectronCapture } from '../support/electron-mock'

/** `npm start` with a bad OMNIVMS_* value: a clear message and no half-started app. */
const captured = vi.hoisted(() => ({ current: null as ElectronCapture | null }))
vi.mock('electron', async () => {
  const { electronMock, newCapture: fresh } = await import('../support/electron-mock')
  captured.current = fresh(false)
  return electronMock(captured.current)
})
const cap = () => captured.current ?? newCapture(false)

beforeAll(async () => {
  process.env.OMNIVMS_MAX_UPLOAD_MB = 'forty'
  await import('../../src/main/index')
})
afterAll(() => {
  delete process.env.OMNIVMS_MAX_UPLOAD_MB
})

describe('a bad development variable', () => {
  it('stops start-up with a message naming it, before any window or IPC exists', () => {
    expect(cap().errorBoxes).toEqual([
      { title: 'OmniValVMS Desktop cannot start', content: expect.stringContaining('OMNIVMS_MAX_UPLOAD_MB="forty" must be a number of megabytes, like 40.') }
    ])
    expect(cap().exits).toEqual([1])
    expect(cap().windows).toEqual([])
    expect(cap().ipcHandlers.size).toBe(0)
  })
})
