import Store from 'electron-store'
import { app } from 'electron'
import { join } from 'node:path'
import type { KeyValueStore, Logger } from '../core/ports'
import { createRecoveringStore } from '../core/storage/recovering-store'

/** electron-store in the user-data folder, guarded against a corrupt file. */
export function createSettingsStore(logger: Logger): KeyValueStore {
  const directory = app.getPath('userData')
  return createRecoveringStore(
    () => new Store<Record<string, unknown>>({ cwd: directory, name: 'config' }),
    join(directory, 'config.json'),
    logger
  )
}
