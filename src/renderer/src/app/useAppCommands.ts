/** Menu commands and shortcuts delivered to the screen that is showing. */
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../shared/ipc/app-schemas'
import { api } from '../lib/bridge'
import { commandForKey, isMacPlatform } from './shortcuts'

/** Runs menu commands, whether they come from the application menu or from the keyboard. */
export function useAppCommands(handle: (command: MenuCommand) => void, enabled = true): void {
  const latest = useRef(handle)
  useEffect(() => {
    latest.current = handle
  })
  useEffect(() => {
    if (!enabled) return
    const mac = isMacPlatform()
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event, mac)
      if (!command) return
      // Ctrl/Cmd+R must refresh the data, never reload the page.
      event.preventDefault()
      latest.current(command)
    }
    window.addEventListener('keydown', onKey)
    const unsubscribe = api().onMenuCommand((command) => latest.current(command))
    return () => {
      window.removeEventListener('keydown', onKey)
      unsubscribe()
    }
  }, [enabled])
}
