/** electron-updater behind the core's updater port. */
import updaterModule from 'electron-updater'
import type { Logger, UpdaterPort } from '../core/ports'

/**
 * electron-updater behind the core's UpdaterPort. It downloads in the background (autoDownload)
 * through Electron's net module, so it honours the system proxy like the rest of the app.
 * Only created in packaged builds.
 */
export function createElectronUpdater(logger: Logger): UpdaterPort {
  const updater = updaterModule.autoUpdater
  updater.autoDownload = true
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
