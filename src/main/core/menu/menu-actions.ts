/** What each of the menus' own actions does, through the effects Electron's main file gives it. */
import type { MainAction } from './app-menu'

export interface MenuActionEffects {
  exportDiagnostics(): Promise<unknown>
  /** Says a failed export in a dialog of its own (no window may be open). */
  showError(title: string, message: string): void
  openLogsFolder(): void
  /** Brings the window forward, then shows this in it. */
  showInWindow(command: 'showAbout' | 'openSettings'): void
  quit(): void
}

export function runMenuAction(action: MainAction, effects: MenuActionEffects): void {
  switch (action) {
    case 'exportDiagnostics':
      void effects.exportDiagnostics().catch((error: unknown) => effects.showError('Export diagnostics', error instanceof Error ? error.message : 'Failed.'))
      return
    case 'openLogsFolder':
      effects.openLogsFolder()
      return
    case 'showAbout':
    case 'openSettings':
      effects.showInWindow(action)
      return
    case 'quit':
      effects.quit()
  }
}
