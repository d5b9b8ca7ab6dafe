/** The application and context menus built from the core's menu data. */
import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron'
import type { MenuCommand } from '../../shared/ipc/app-schemas'
import type { MainAction, MenuItemSpec } from '../core/menu/app-menu'
import { contextMenuItems, type ContextMenuParams } from '../core/menu/context-menu'

export interface MenuHandlers {
  command(command: MenuCommand): void
  action(action: MainAction): void
}

/**
 * The core's menu spec as an Electron Menu. Window commands keep their accelerator label but do
 * not register it on Windows/Linux: the window handles those keys itself, so a key press is
 * acted on once (on macOS menu key equivalents always win, and the click sends the command).
 */
export function toTemplate(items: readonly MenuItemSpec[], handlers: MenuHandlers): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'role':
        return { role: item.role, ...(item.label ? { label: item.label } : {}), ...(item.accelerator ? { accelerator: item.accelerator } : {}) }
      case 'command':
        return { label: item.label, accelerator: item.accelerator, registerAccelerator: false, click: () => handlers.command(item.command) }
      case 'action':
        return { label: item.label, accelerator: item.accelerator, click: () => handlers.action(item.action) }
      case 'submenu':
        return { label: item.label, ...(item.role ? { role: item.role } : {}), submenu: toTemplate(item.items, handlers) }
    }
  })
}

export function installApplicationMenu(items: readonly MenuItemSpec[], handlers: MenuHandlers): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(items, handlers)))
}

/** Right-click on text and inputs: edit roles, spelling suggestions, "Add to dictionary". */
export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params: ContextMenuParams) => {
    const items = contextMenuItems(params)
    if (items.length === 0) return
    const template = items.map((item): MenuItemConstructorOptions => {
      switch (item.kind) {
        case 'separator':
          return { type: 'separator' }
        case 'role':
          return { role: item.role, enabled: item.enabled ?? true }
        case 'note':
          return { label: item.label, enabled: false }
        case 'replaceMisspelling':
          return { label: item.label, click: () => contents.replaceMisspelling(item.word) }
        case 'addToDictionary':
          return { label: item.label, click: () => contents.session.addWordToSpellCheckerDictionary(item.word) }
      }
    })
    Menu.buildFromTemplate(template).popup()
  })
}
