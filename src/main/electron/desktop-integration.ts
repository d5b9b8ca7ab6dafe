/** Electron's notifications, badge (with the Windows overlay), tray and login item behind the core's ports. */
import { app, Menu, nativeImage, Notification, Tray, type BrowserWindow } from 'electron'
import type { BadgePort, LoginItemPort, Notifier, TrayPort } from '../core/ports'
import { BADGE_ICONS_PNG_BASE64 } from './badge-icons'
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

/**
 * The dock badge on macOS, the launcher count on Linux (Unity, where supported), and on Windows the
 * taskbar overlay (1–9, 9+) on the window — put back on whenever a window opens.
 */
export function createElectronBadge(): BadgePort & { attach(window: BrowserWindow): void } {
  let count = 0
  let window: BrowserWindow | null = null
  const overlay = () => {
    if (process.platform !== 'win32' || !window || window.isDestroyed()) return
    const png = count > 0 ? BADGE_ICONS_PNG_BASE64[count > 9 ? '9+' : String(count)] : undefined
    const text = count === 1 ? '1 order waits for you' : `${count} orders wait for you`
    window.setOverlayIcon(png ? nativeImage.createFromDataURL(`data:image/png;base64,${png}`) : null, count > 0 ? text : '')
  }
  return {
    setCount(next) {
      count = next
      app.setBadgeCount(next)
      overlay()
    },
    attach(next) {
      window = next
      overlay()
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
