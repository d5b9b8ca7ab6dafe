/** Electron's native open and save dialogs behind the core's port. */
import { BrowserWindow, dialog } from 'electron'
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
    const options = { title, defaultPath: defaultName }
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
