// Runs inside the page, before the app's scripts: the preload's job, with a Playwright binding
// as the transport instead of ipcRenderer. The bridge itself is the same createBridge().
import { createBridge } from '../../src/shared/ipc/bridge'

type Listener = (payload: unknown) => void
declare global {
  interface Window {
    __omnivmsInvoke(channel: string, payload: unknown): Promise<string>
    __omnivmsDeliver(channel: string, payload: string): void
  }
}

const listeners = new Map<string, Set<Listener>>()

Object.defineProperty(window, '__omnivmsDeliver', {
  value: (channel: string, payload: string) => {
    performance.mark(`omnivms:delivered:${channel}`)
    const parsed: unknown = JSON.parse(payload)
    for (const listener of listeners.get(channel) ?? []) listener(parsed)
  }
})

Object.defineProperty(window, 'omnivms', {
  value: createBridge({
    // JSON text crosses the Playwright binding far faster than its object protocol (a 10,000-order inbox: ~50 ms vs ~10 s).
    invoke: async (channel, payload) => {
      performance.mark(`omnivms:asked:${channel}`)
      const text = await window.__omnivmsInvoke(channel, payload)
      // Lets benchmarks tell the harness's transport apart from the renderer's own work.
      performance.mark(`omnivms:received:${channel}`)
      return JSON.parse(text) as unknown
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  }),
  enumerable: true
})
