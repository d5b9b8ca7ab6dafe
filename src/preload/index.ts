/** The preload: exposes window.omnivms, the bridge built from the one IPC contract, over ipcRenderer. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge, type BridgeTransport } from '../shared/ipc/bridge'

// The renderer gets one named function per contract call, never ipcRenderer itself.
const transport: BridgeTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, handler)
    return () => ipcRenderer.removeListener(channel, handler)
  }
}

contextBridge.exposeInMainWorld('omnivms', createBridge(transport))
