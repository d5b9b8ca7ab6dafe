/** electron-updater behind the core's updater port. */
import updaterModule, { type AppUpdater } from 'electron-updater'
import type { Logger, UpdaterPort } from '../core/ports'

/**
 * electron-updater behind the core's UpdaterPort. It downloads in the background when the core
 * accepts the release, through Electron's net module, so it honours the system proxy like the rest
 * of the app; on Windows it checks the installer's signature against the publisher name built in,
 * on macOS Squirrel.Mac accepts only an update signed like the running app.
 * Only created in packaged builds; `updater` is electron-updater's own for this OS (tests pass another OS's).
 */
export function createElectronUpdater(logger: Logger, updater: AppUpdater = updaterModule.autoUpdater): UpdaterPort {
  // The core decides what installs (newer only; prereleases only on beta), then asks for the download.
  updater.autoDownload = false
  updater.allowDowngrade = false
  updater.autoInstallOnAppQuit = true
  updater.logger = {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
    debug: () => undefined
  }
  // An 'error' event without a listener would throw in main; failures are logged and retried later.
  updater.on('error', (error) => logger.warn('update failed', { error: error instanceof Error ? error.message : 'unknown' }))
  return {
    setFeed({ url, channel }) {
      updater.allowPrerelease = channel === 'beta'
      updater.setFeedURL({ provider: 'generic', url, channel: channel === 'beta' ? 'beta' : 'latest' })
    },
    async checkForUpdate() {
      const result = await updater.checkForUpdates()
      return result?.isUpdateAvailable ? result.updateInfo.version : null
    },
    async download() {
      await updater.downloadUpdate()
    },
    onDownloaded(listener) {
      const handler = (info: { version: string }) => listener(info.version)
      updater.on('update-downloaded', handler)
      return () => void updater.off('update-downloaded', handler)
    },
    setInstallOnQuit(enabled) {
      updater.autoInstallOnAppQuit = enabled
    },
    quitAndInstall() {
      updater.quitAndInstall(false, true)
    }
  }
}
