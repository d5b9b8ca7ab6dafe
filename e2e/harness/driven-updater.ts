import type { UpdaterPort } from '../../src/main/core/ports'

/** The updater port as the browser project drives it: the test says when a download has finished. */
export function createDrivenUpdater(): UpdaterPort & { finishDownload(version: string): void; restarts: number } {
  const listeners = new Set<(version: string) => void>()
  return {
    restarts: 0,
    setFeed: () => undefined,
    checkForUpdate: async () => null,
    download: async () => undefined,
    onDownloaded(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setInstallOnQuit: () => undefined,
    quitAndInstall() {
      this.restarts++
    },
    finishDownload(version) {
      for (const listener of listeners) listener(version)
    }
  }
}
