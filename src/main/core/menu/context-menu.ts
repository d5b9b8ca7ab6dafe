/** The right-click menu of text fields (cut, copy, paste, select all), as data. */
import type { MenuItemSpec } from './app-menu'

/** What Electron tells about a right-click (the subset the menu needs). */
export interface ContextMenuParams {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: readonly string[]
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

export type ContextMenuItem =
  | Extract<MenuItemSpec, { kind: 'separator' | 'role' }> & { enabled?: boolean }
  | { kind: 'note'; label: string }
  | { kind: 'replaceMisspelling'; label: string; word: string }
  | { kind: 'addToDictionary'; label: string; word: string }

/** Cut, copy, paste, select all on text and inputs; spelling suggestions and "Add to dictionary" on a misspelt word. */
export function contextMenuItems(params: ContextMenuParams): ContextMenuItem[] {
  const items: ContextMenuItem[] = []
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 5)
    for (const word of suggestions) items.push({ kind: 'replaceMisspelling', label: word, word })
    if (suggestions.length === 0) items.push({ kind: 'note', label: 'No spelling suggestions' })
    items.push({ kind: 'addToDictionary', label: 'Add to dictionary', word: params.misspelledWord })
    items.push({ kind: 'separator' })
  }
  if (params.isEditable) {
    items.push({ kind: 'role', role: 'cut', enabled: params.editFlags.canCut })
    items.push({ kind: 'role', role: 'copy', enabled: params.editFlags.canCopy })
    items.push({ kind: 'role', role: 'paste', enabled: params.editFlags.canPaste })
    items.push({ kind: 'separator' })
    items.push({ kind: 'role', role: 'selectAll', enabled: params.editFlags.canSelectAll })
  } else if (params.selectionText.trim() !== '') {
    items.push({ kind: 'role', role: 'copy', enabled: params.editFlags.canCopy })
    items.push({ kind: 'separator' })
    items.push({ kind: 'role', role: 'selectAll', enabled: params.editFlags.canSelectAll })
  }
  return items
}
