import { z } from 'zod'
import {
  PasswordResetInputSchema,
  PasswordResetRequestInputSchema,
  SessionStateSchema,
  SignInInputSchema,
  StorageProtectionSchema
} from './session-schemas'
import { InboxSchema, OrderDetailSchema, OrderRefSchema } from './order-schemas'

const NoInput = z.undefined()
const NoOutput = z.null()

/**
 * The one IPC contract between the renderer and the main process. Every call and event is
 * declared here with runtime schemas; channel names, the preload bridge and the main-process
 * handler table are all derived from it.
 */
export const ipcCalls = {
  getSessionState: { input: NoInput, output: SessionStateSchema },
  getStorageProtection: { input: NoInput, output: StorageProtectionSchema },
  setWeakStorageChoice: {
    input: z.object({ choice: z.enum(['memory', 'weak']) }),
    output: StorageProtectionSchema
  },
  signIn: { input: SignInInputSchema, output: SessionStateSchema },
  signOut: { input: NoInput, output: SessionStateSchema },
  requestPasswordReset: {
    input: PasswordResetRequestInputSchema,
    output: z.object({ message: z.string() })
  },
  resetPassword: { input: PasswordResetInputSchema, output: NoOutput },
  listOrders: { input: NoInput, output: InboxSchema },
  getOrder: { input: OrderRefSchema, output: OrderDetailSchema },
  openExternal: { input: z.object({ url: z.string().max(2048) }), output: NoOutput }
} as const

export const ipcEvents = {
  sessionChanged: SessionStateSchema
} as const

export type IpcCalls = typeof ipcCalls
export type IpcCallName = keyof IpcCalls
export type IpcEventName = keyof typeof ipcEvents
export type CallInput<N extends IpcCallName> = z.input<IpcCalls[N]['input']>
export type CallOutput<N extends IpcCallName> = z.infer<IpcCalls[N]['output']>
export type EventPayload<N extends IpcEventName> = z.infer<(typeof ipcEvents)[N]>

export const IPC_CALL_NAMES = Object.keys(ipcCalls) as IpcCallName[]
export const IPC_EVENT_NAMES = Object.keys(ipcEvents) as IpcEventName[]

export const callChannel = (name: IpcCallName): string => `omnivms:call:${name}`
export const eventChannel = (name: IpcEventName): string => `omnivms:event:${name}`
