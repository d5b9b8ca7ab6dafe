import { app, Notification } from 'electron'
import type { BadgePort, Notifier } from '../core/ports'

/** OS notifications through Electron; kept referenced until clicked or closed, so their click arrives. */
export function createElectronNotifier(): Notifier {
  const listeners = new Set<(id: string) => void>()
  const live = new Map<string, Notification>()
  return {
    show({ id, title, body }) {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      live.set(id, notification)
      notification.on('click', () => {
        live.delete(id)
        for (const listener of listeners) listener(id)
      })
      notification.on('close', () => live.delete(id))
      notification.show()
    },
    onClick(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** The dock badge on macOS and the launcher count on Linux (Unity); Windows has no count badge. */
export function createElectronBadge(): BadgePort {
  return {
    setCount(count) {
      app.setBadgeCount(count)
    }
  }
}
