/** Navigation, new windows, webviews and permissions denied for every web contents. */
import type { Session, WebContents } from 'electron'
import { isSafeExternalUrl } from '../core/links/external-links'
import { originOf } from '../core/ipc/sender-policy'

/**
 * Navigation, new windows and <webview> are denied for every web contents; vetted
 * http(s)/mailto links go to the user's browser instead.
 */
export function applyWebContentsPolicy(
  contents: WebContents,
  appOrigins: readonly string[],
  openExternal: (url: string) => Promise<void>
): void {
  const isAppUrl = (url: string) => appOrigins.includes(originOf(url) ?? '')
  const openIfSafe = (url: string) => {
    if (isSafeExternalUrl(url)) void openExternal(url)
  }
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    openIfSafe(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url)
    return { action: 'deny' }
  })
}

/** The app needs no camera, microphone, notifications prompt, geolocation… : deny them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
