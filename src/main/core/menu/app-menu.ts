/** The application menu, as data: its items, shortcuts and the commands they send. */
import type { MenuCommand } from '../../../shared/ipc/app-schemas'
import { STATUS_GROUPS } from '../../../shared/order-workflow'

/**
 * The application menu as plain data, so its shape is tested without Electron; the adapter in
 * src/main/electron/menus.ts turns it into a Menu. Roles are Electron's standard ones.
 */
export type MenuRole =
  | 'appMenu'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'

/** Things main does itself (the rest are MenuCommands for the window). */
export type MainAction = 'exportDiagnostics' | 'openLogsFolder' | 'showAbout' | 'openSettings' | 'quit'

export type MenuItemSpec =
  | { kind: 'separator' }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { kind: 'command'; label: string; accelerator?: string; command: MenuCommand }
  | { kind: 'action'; label: string; accelerator?: string; action: MainAction }
  | { kind: 'submenu'; label: string; role?: 'windowMenu' | 'help'; items: MenuItemSpec[] }

const sep: MenuItemSpec = { kind: 'separator' }

export function applicationMenu(options: { platform: NodeJS.Platform; isPackaged: boolean; productName: string }): MenuItemSpec[] {
  const mac = options.platform === 'darwin'
  const settings: MenuItemSpec = { kind: 'action', label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', action: 'openSettings' }
  const print: MenuItemSpec = { kind: 'command', label: mac ? 'Print Order Sheet…' : '&Print order sheet…', accelerator: 'CmdOrCtrl+P', command: { command: 'printOrderSheet' } }
  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          kind: 'submenu',
          label: options.productName,
          items: [
            { kind: 'action', label: `About ${options.productName}`, action: 'showAbout' },
            sep,
            settings,
            sep,
            { kind: 'role', role: 'services' },
            sep,
            { kind: 'role', role: 'hide' },
            { kind: 'role', role: 'hideOthers' },
            { kind: 'role', role: 'unhide' },
            sep,
            { kind: 'role', role: 'quit' }
          ]
        },
        { kind: 'submenu', label: 'File', items: [print] }
      ]
    : [{ kind: 'submenu', label: '&File', items: [print, sep, settings, sep, { kind: 'action', label: 'E&xit', accelerator: 'Ctrl+Q', action: 'quit' }] }]

  const edit: MenuItemSpec = {
    kind: 'submenu',
    label: mac ? 'Edit' : '&Edit',
    items: [
      { kind: 'role', role: 'undo' },
      { kind: 'role', role: 'redo' },
      sep,
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      ...(mac ? [{ kind: 'role', role: 'pasteAndMatchStyle' } as const] : []),
      { kind: 'role', role: 'delete' },
      sep,
      { kind: 'role', role: 'selectAll' }
    ]
  }

  const developer: MenuItemSpec[] = options.isPackaged ? [] : [sep, { kind: 'role', role: 'forceReload', label: 'Reload window (development)' }, { kind: 'role', role: 'toggleDevTools' }]
  const view: MenuItemSpec = {
    kind: 'submenu',
    label: mac ? 'View' : '&View',
    items: [
      { kind: 'role', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { kind: 'role', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { kind: 'role', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      sep,
      { kind: 'role', role: 'togglefullscreen' },
      ...developer
    ]
  }

  const go: MenuItemSpec = {
    kind: 'submenu',
    label: mac ? 'Go' : '&Go',
    items: [
      { kind: 'command', label: 'Today', accelerator: 'CmdOrCtrl+0', command: { command: 'showToday' } },
      ...STATUS_GROUPS.map(
        (group, index): MenuItemSpec => ({ kind: 'command', label: group.label, accelerator: `CmdOrCtrl+${index + 1}`, command: { command: 'showQueue', queue: group.id } })
      ),
      sep,
      { kind: 'command', label: 'Search orders', accelerator: 'CmdOrCtrl+F', command: { command: 'focusSearch' } },
      { kind: 'command', label: 'Refresh', accelerator: 'CmdOrCtrl+R', command: { command: 'refresh' } }
    ]
  }

  const window: MenuItemSpec = {
    kind: 'submenu',
    label: mac ? 'Window' : '&Window',
    role: 'windowMenu',
    items: mac
      ? [{ kind: 'role', role: 'minimize' }, { kind: 'role', role: 'zoom' }, sep, { kind: 'role', role: 'front' }]
      : [{ kind: 'role', role: 'minimize' }, { kind: 'role', role: 'close' }]
  }

  const help: MenuItemSpec = {
    kind: 'submenu',
    label: mac ? 'Help' : '&Help',
    role: 'help',
    items: [
      { kind: 'action', label: 'Open logs folder', action: 'openLogsFolder' },
      { kind: 'action', label: 'Export diagnostics…', action: 'exportDiagnostics' },
      ...(mac ? [] : [sep, { kind: 'action', label: `About ${options.productName}`, action: 'showAbout' } as const])
    ]
  }

  return [...appMenu, edit, view, go, window, help]
}
