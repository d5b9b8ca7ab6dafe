/** The calls and events whose IPC form is compact, and what turns them back. */
import type { CallOutput, EventPayload, IpcCallName, IpcEventName } from './contract'
import { decodeInboxFirstScreen } from './first-screen-wire'
import { decodeInbox, decodeInboxChanges } from './order-list-wire'

/**
 * The calls and events whose IPC form is compact (see order-list-wire.ts), with what turns them back
 * into the shapes the renderer works with. Applied by the bridge, after main has validated the wire form.
 */
export const CALL_DECODERS = { listOrders: decodeInbox, inboxFirstScreen: decodeInboxFirstScreen } satisfies Partial<{ [N in IpcCallName]: (wire: CallOutput<N>) => unknown }>
export const EVENT_DECODERS = { inboxChanged: decodeInboxChanges } satisfies Partial<{ [N in IpcEventName]: (wire: EventPayload<N>) => unknown }>

export type DecodedOutput<N extends IpcCallName> = N extends keyof typeof CALL_DECODERS ? ReturnType<(typeof CALL_DECODERS)[N]> : CallOutput<N>
export type DecodedEvent<N extends IpcEventName> = N extends keyof typeof EVENT_DECODERS ? ReturnType<(typeof EVENT_DECODERS)[N]> : EventPayload<N>

export function decodeOutput(name: IpcCallName, value: unknown): unknown {
  const decode = (CALL_DECODERS as Partial<Record<IpcCallName, (wire: never) => unknown>>)[name]
  return decode ? decode(value as never) : value
}

export function decodeEvent(name: IpcEventName, payload: unknown): unknown {
  const decode = (EVENT_DECODERS as Partial<Record<IpcEventName, (wire: never) => unknown>>)[name]
  return decode ? decode(payload as never) : payload
}
