// Runs inside the page, before the app's scripts: the preload's job, with a Playwright binding
// as the transport instead of ipcRenderer. The bridge itself is the same createBridge().
import { createBridge } from '../../src/shared/ipc/bridge'

type Listener = (payload: unknown) => void
declare global {
  interface Window {
    __omnivmsInvoke(channel: string, payload: unknown): Promise<unknown>
    __omnivmsDeliver(channel: string, payload: unknown): void
  }
}

const listeners = new Map<string, Set<Listener>>()

Object.defineProperty(window, '__omnivmsDeliver', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
})

Object.defineProperty(window, 'omnivms', {
  value: createBridge({
    invoke: (channel, payload) => window.__omnivmsInvoke(channel, payload),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  }),
  enumerable: true
})
