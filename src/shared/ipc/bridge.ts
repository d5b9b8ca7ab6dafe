/** The renderer's API, built from the one IPC contract over a transport. */
import type { Result } from './result'
import {
  IPC_CALL_NAMES,
  IPC_EVENT_NAMES,
  callChannel,
  eventChannel,
  type CallInput,
  type IpcCallName,
  type IpcEventName
} from './contract'
import { decodeEvent, decodeOutput, type DecodedEvent, type DecodedOutput } from './wire-decoders'

/** How the bridge reaches the main process: ipcRenderer in Electron, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

type CallFunctions = {
  [N in IpcCallName]: [CallInput<N>] extends [undefined]
    ? () => Promise<Result<DecodedOutput<N>>>
    : undefined extends CallInput<N>
      ? (input?: CallInput<N>) => Promise<Result<DecodedOutput<N>>>
      : (input: CallInput<N>) => Promise<Result<DecodedOutput<N>>>
}

type EventSubscriptions = {
  [N in IpcEventName as `on${Capitalize<N>}`]: (listener: (payload: DecodedEvent<N>) => void) => () => void
}

/** The API the renderer sees as `window.omnivms`: one function per call, one subscription per event. */
export type OmniVmsApi = CallFunctions & EventSubscriptions

const capitalize = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1)

/**
 * Builds the renderer API from the contract. Main validates every input and output, so the
 * bridge only forwards — turning the inbox's compact IPC form back into orders (wire-decoders.ts);
 * results arrive as `Result` envelopes.
 */
export function createBridge(transport: BridgeTransport): OmniVmsApi {
  const api: Record<string, unknown> = {}
  for (const name of IPC_CALL_NAMES) {
    const channel = callChannel(name)
    api[name] = async (input?: unknown) => {
      const result = (await transport.invoke(channel, input)) as Result<unknown>
      return result.ok ? { ok: true, value: decodeOutput(name, result.value) } : result
    }
  }
  for (const name of IPC_EVENT_NAMES) {
    const channel = eventChannel(name)
    api[`on${capitalize(name)}`] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      return transport.subscribe(channel, (payload) => listener(decodeEvent(name, payload)))
    }
  }
  return Object.freeze(api) as OmniVmsApi
}
