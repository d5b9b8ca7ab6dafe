/** ipcMain wired to the core's dispatcher (with the sender's frame), and the core's events to the window. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_CALL_NAMES, callChannel } from '../../shared/ipc/contract'
import type { AppCore } from '../core/app-core'
import type { SenderInfo } from '../core/ipc/sender-policy'

export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderInfo {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame }
}

/** One ipcMain handler per contract call, all through the core's validating dispatcher. */
export function registerIpc(core: AppCore): void {
  for (const name of IPC_CALL_NAMES) {
    const channel = callChannel(name)
    ipcMain.handle(channel, (event, payload: unknown) => core.dispatch(channel, senderOf(event), payload))
  }
}

/** Forwards main→renderer events to one window until it is destroyed. */
export function forwardEvents(core: AppCore, contents: WebContents): void {
  const unsubscribe = core.subscribe((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(channel, payload)
  })
  contents.once('destroyed', unsubscribe)
}
