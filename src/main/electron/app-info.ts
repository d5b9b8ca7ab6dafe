/** The app's versions as Electron reports them, for About and diagnostics. */
import { app } from 'electron'
import { arch, release, type } from 'node:os'
import type { AppInfo } from '../../shared/ipc/app-schemas'

export function electronAppInfo(): AppInfo {
  return {
    name: 'OmniValVMS Desktop',
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    node: process.versions.node,
    os: `${type()} ${release()} ${arch()}`
  }
}
