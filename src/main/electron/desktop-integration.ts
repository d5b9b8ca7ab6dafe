import { app, Menu, nativeImage, Notification, Tray } from 'electron'
import type { BadgePort, LoginItemPort, Notifier, TrayPort } from '../core/ports'
import { TRAY_ICON_PNG_BASE64 } from './tray-icon'

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

/** The tray icon and its menu: Open, what waits, Pause notifications, Quit. */
export function createElectronTray(actions: { open(): void; pause(minutes: number): void; quit(): void }): TrayPort {
  let tray: Tray | null = null
  return {
    update({ awaiting, revisions, paused }) {
      if (!tray) {
        tray = new Tray(nativeImage.createFromDataURL(`data:image/png;base64,${TRAY_ICON_PNG_BASE64}`))
        tray.on('click', actions.open)
      }
      tray.setToolTip(`OmniValVMS Desktop — ${awaiting} awaiting response, ${revisions} revisions requested`)
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Open OmniValVMS Desktop', click: actions.open },
          { type: 'separator' },
          { label: `${awaiting} awaiting response`, enabled: false },
          { label: `${revisions} revisions requested`, enabled: false },
          { type: 'separator' },
          paused ? { label: 'Resume notifications', click: () => actions.pause(0) } : { label: 'Pause notifications for 1 hour', click: () => actions.pause(60) },
          { type: 'separator' },
          { label: 'Quit', click: actions.quit }
        ])
      )
    }
  }
}

export const electronLoginItem: LoginItemPort = {
  setOpenAtLogin(open) {
    // Not for an unpackaged build: the login item would start Electron itself.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: open })
  }
}
