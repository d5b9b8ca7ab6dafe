/** electron-store as the core's key-value store, recovering from a damaged file. */
import Store from 'electron-store'
import { app, ipcMain } from 'electron'
import { join } from 'node:path'
import type { KeyValueStore, Logger } from '../core/ports'
import { createRecoveringStore } from '../core/storage/recovering-store'
import { PRIVATE_FILE_MODE } from '../core/storage/secure-file'

// electron-store answers renderers that ask for its folder on this channel; our renderer never
// does, and no IPC listener may exist outside the contract.
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data'

/** electron-store in the user-data folder, readable by the user only, guarded against a corrupt file. */
export function createSettingsStore(logger: Logger): KeyValueStore {
  const directory = app.getPath('userData')
  const store = createRecoveringStore(
    () => new Store<Record<string, unknown>>({ cwd: directory, name: 'config', configFileMode: PRIVATE_FILE_MODE }),
    join(directory, 'config.json'),
    logger
  )
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)
  return store
}
