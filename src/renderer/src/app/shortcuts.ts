/** The keyboard shortcuts the window answers itself, and the command each makes. */
import type { MenuCommand } from '../../../shared/ipc/app-schemas'
import { STATUS_GROUPS } from '../../../shared/order-workflow'

/**
 * The application menu's shortcuts, handled by the window itself (the menu shows them; on
 * Windows and Linux it does not register them, so a key press is acted on once).
 */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, isMac: boolean): MenuCommand | null {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!primary || event.altKey) return null
  if (event.key === '0' && !event.shiftKey) return { command: 'showToday' }
  if (/^[1-9]$/.test(event.key) && !event.shiftKey) {
    const group = STATUS_GROUPS[Number(event.key) - 1]
    return group ? { command: 'showQueue', queue: group.id } : null
  }
  switch (event.key.toLowerCase()) {
    case 'f':
      return event.shiftKey ? null : { command: 'focusSearch' }
    case 'r':
      return event.shiftKey ? null : { command: 'refresh' }
    case ',':
      return { command: 'openSettings' }
    case 'p':
      return event.shiftKey ? null : { command: 'printOrderSheet' }
    default:
      return null
  }
}

export const isMacPlatform = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
