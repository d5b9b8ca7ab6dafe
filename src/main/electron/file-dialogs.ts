/** Electron's native open and save dialogs behind the core's port. */
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import type { FileDialogs } from '../core/ports'

/** The native open/save dialogs, attached to the focused window. */
export const electronFileDialogs: FileDialogs = {
  async openFiles({ title, filters }) {
    const owner = BrowserWindow.getFocusedWindow()
    const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] }
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  },
  async saveFile({ title, defaultName }) {
    const owner = BrowserWindow.getFocusedWindow()
    // The name is a file name (safeFileName); it is offered in the user's Documents folder.
    const options = { title, defaultPath: join(app.getPath('documents'), defaultName) }
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
