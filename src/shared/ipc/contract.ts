/** The one IPC contract: every call and event between the window and main, with its schemas. */
import { z } from 'zod'
import { FirstScreenViewSchema, InboxFirstScreenWireSchema } from './first-screen-wire'
import { InboxChangesWireSchema, InboxWireSchema } from './order-list-wire'
import { PathIdSchema } from './id-schema'
import {
  PasswordResetInputSchema,
  PasswordResetRequestInputSchema,
  SessionStateSchema,
  SignInInputSchema,
  StorageProtectionSchema
} from './session-schemas'
import {
  DraftKeySchema,
  DraftValueSchema,
  InspectionSlotSchema,
  OrderActionResultSchema,
  OrderActionSchema,
  OrderDetailSchema,
  OrderRefSchema,
  PaymentsFilterSchema,
  PaymentsSchema,
  PickedFileSchema,
  SaveIdSchema,
  SaveProgressSchema,
  UploadProgressSchema
} from './order-schemas'
import {
  AppInfoSchema,
  AppSettingsPatchSchema,
  AppSettingsSchema,
  MenuCommandSchema,
  RendererErrorSchema,
  UpdateStatusSchema
} from './app-schemas'

const NoInput = z.undefined()
/** A calendar date as a date field holds it: "2026-12-11". */
const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const NoOutput = z.null()

/**
 * The one IPC contract between the renderer and the main process. Every call and event is
 * declared here with runtime schemas; channel names, the preload bridge and the main-process
 * handler table are all derived from it.
 */
export const ipcCalls = {
  getSessionState: { input: NoInput, output: SessionStateSchema },
  getStorageProtection: { input: NoInput, output: StorageProtectionSchema },
  /** Where only weak storage exists: the user's answer for the sign-in, or for the offline copy of orders. */
  setWeakStorageChoice: {
    input: z.object({ choice: z.enum(['memory', 'weak']), subject: z.enum(['signIn', 'offlineCopy']).default('signIn') }),
    output: StorageProtectionSchema
  },
  signIn: { input: SignInInputSchema, output: SessionStateSchema },
  /** Settings → Sign-in: keep the open session across restarts (the keychain), or in memory only. */
  setKeepSignedIn: { input: z.object({ keep: z.boolean() }), output: SessionStateSchema },
  signOut: { input: NoInput, output: SessionStateSchema },
  requestPasswordReset: {
    input: PasswordResetRequestInputSchema,
    output: z.object({ message: z.string() })
  },
  resetPassword: { input: PasswordResetInputSchema, output: NoOutput },
  /** The inbox after a sync now; `cached`: as last synced (a window opening while main keeps it in step). */
  listOrders: { input: z.object({ cached: z.boolean() }).optional(), output: InboxWireSchema },
  /** A window opening: the inbox as last synced, as a first screen of one view (counts and its first rows), before the whole of it. */
  inboxFirstScreen: { input: FirstScreenViewSchema, output: InboxFirstScreenWireSchema },
  getOrder: { input: OrderRefSchema, output: OrderDetailSchema },
  openExternal: { input: z.object({ url: z.string().max(2048) }), output: NoOutput },
  /** The renderer saw the network come back (only it gets the 'online' event). */
  networkRestored: { input: NoInput, output: NoOutput },
  performOrderAction: { input: z.object({ ref: OrderRefSchema, action: OrderActionSchema }), output: OrderActionResultSchema },
  /** Withdraws a field action still waiting to be sent. */
  cancelPendingAction: { input: z.object({ id: z.string().regex(/^p-[a-f0-9]{12}$/) }), output: NoOutput },
  listInspectionSlots: { input: OrderRefSchema, output: z.array(InspectionSlotSchema) },
  /** Opens the native file picker in main; the renderer only ever sees ids, names and check results. */
  pickReportFiles: { input: NoInput, output: z.array(PickedFileSchema) },
  uploadReport: {
    input: z.object({ ref: OrderRefSchema, uploadId: z.string().regex(/^[\w-]{8,64}$/), fileIds: z.array(z.string().regex(/^[a-f0-9]{24}$/)).min(1).max(10) }),
    output: OrderActionResultSchema
  },
  cancelUpload: { input: z.object({ uploadId: z.string().regex(/^[\w-]{8,64}$/) }), output: NoOutput },
  /** Opens the native save dialog; null when the user cancels it. */
  downloadDocument: {
    input: z.object({ ref: OrderRefSchema, documentId: PathIdSchema }),
    output: z.object({ savedTo: z.string() }).nullable()
  },
  listPayments: { input: NoInput, output: PaymentsSchema },
  /**
   * Orders as a CSV file where the user picks: the ones the window shows (its queue or view, client and
   * search, as refs), or every order due between two dates; null when the save dialog is cancelled.
   */
  exportOrders: {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('shown'), saveId: SaveIdSchema, label: z.string().max(80), orders: z.array(OrderRefSchema).max(200_000) }),
      z.object({ kind: z.literal('dueBetween'), saveId: SaveIdSchema, from: CalendarDateSchema, to: CalendarDateSchema })
    ]),
    output: z.object({ savedTo: z.string(), rows: z.number().int() }).nullable()
  },
  /** The payments and invoices a filter names (every one without) as a CSV file where the user picks; null when cancelled. */
  exportPayments: { input: z.object({ saveId: SaveIdSchema, filter: PaymentsFilterSchema.optional() }), output: z.object({ savedTo: z.string(), rows: z.number().int() }).nullable() },
  /** The open order's sheet (the window printed, as its print stylesheet lays it out) saved as a PDF where the user picks; null when cancelled. */
  saveOrderSheetPdf: { input: OrderRefSchema, output: z.object({ savedTo: z.string() }).nullable() },
  /** The order's workfile (sheet, history, submissions, shared documents, manifest) as one folder where the user picks; null when cancelled. */
  saveWorkfile: { input: z.object({ ref: OrderRefSchema, saveId: SaveIdSchema }), output: z.object({ savedTo: z.string(), files: z.number().int(), notIncluded: z.array(z.string()) }).nullable() },
  /** Stops an export or workfile save still running: nothing of it is left on disk. */
  cancelSave: { input: z.object({ saveId: SaveIdSchema }), output: NoOutput },
  /** Saves the scheduled inspection as an .ics event where the user picks; null when the save dialog is cancelled. */
  saveInspectionToCalendar: { input: OrderRefSchema, output: z.object({ savedTo: z.string() }).nullable() },
  getDraft: { input: z.object({ key: DraftKeySchema }), output: DraftValueSchema.nullable() },
  saveDraft: { input: z.object({ key: DraftKeySchema, value: DraftValueSchema }), output: NoOutput },
  discardDraft: { input: z.object({ key: DraftKeySchema }), output: NoOutput },
  getSettings: { input: NoInput, output: AppSettingsSchema },
  updateSettings: { input: AppSettingsPatchSchema, output: AppSettingsSchema },
  getUpdateStatus: { input: NoInput, output: UpdateStatusSchema },
  checkForUpdates: { input: NoInput, output: UpdateStatusSchema },
  /** Refused while an upload runs; the update is then installed at the next quit. */
  restartToUpdate: { input: NoInput, output: NoOutput },
  getAppInfo: { input: NoInput, output: AppInfoSchema },
  /** Opens the native save dialog; null when the user cancels it. */
  exportDiagnostics: { input: NoInput, output: z.object({ savedTo: z.string() }).nullable() },
  openLogsFolder: { input: NoInput, output: NoOutput },
  reportRendererError: { input: RendererErrorSchema, output: NoOutput },
  /** A message for the window that was just (re)opened, e.g. after its renderer crashed; taken once. */
  takeWindowNotice: { input: NoInput, output: z.string().nullable() },
  /** The order a notification or link asked to show, for a window that was opened for it; taken once. */
  takeOrderToOpen: { input: NoInput, output: OrderRefSchema.nullable() }
} as const

export const ipcEvents = {
  sessionChanged: SessionStateSchema,
  uploadProgress: UploadProgressSchema,
  /** An export or workfile save moved on (at most every 100 ms, and at its end). */
  saveProgress: SaveProgressSchema,
  updateStatusChanged: UpdateStatusSchema,
  menuCommand: MenuCommandSchema,
  /** Only what changed since the last sync; an unchanged sync sends nothing. */
  inboxChanged: InboxChangesWireSchema,
  /** Show this order (a notification or a link was clicked). */
  openOrder: OrderRefSchema,
  /** A password-reset link was opened: show the reset form, filled in. */
  openResetPassword: z.object({ email: z.string().max(320), code: z.string().max(64) }),
  /** Something the user should read now, e.g. a link to an order that is not theirs. */
  appNotice: z.string().max(500)
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
