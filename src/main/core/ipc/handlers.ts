import type { DraftStore } from '../drafts/draft-store'
import { AppError } from '../errors'
import { downloadDocument } from '../orders/document-downloads'
import type { InboxService } from '../orders/inbox-service'
import type { OrderActions } from '../orders/order-actions'
import { listPayments } from '../orders/payments'
import { inspectionEvent } from '../orders/calendar-event'
import { writeFileAtomic } from '../storage/secure-file'
import { toAppError } from '../platform/to-app-error'
import type { Clock, ExternalOpener, FileDialogs } from '../ports'
import type { SessionService } from '../session/session-service'
import type { PickedFiles } from '../uploads/picked-files'
import { preflight } from '../uploads/preflight'
import type { ReportUploads } from '../uploads/report-upload'
import type { IpcHandlers } from './dispatcher'
import type { AppInfo } from '../../../shared/ipc/app-schemas'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { VENDOR_ROLE } from '../../../shared/ipc/session-schemas'
import type { DiagnosticsService } from '../diagnostics/diagnostics-service'
import type { Logger } from '../ports'
import { redact } from '../logger'
import type { SettingsService } from '../settings/settings-service'
import type { UpdateService } from '../updates/update-service'
import type { SyncService } from '../sync/sync-service'
import type { OfflineStore } from '../offline/offline-store'
import { actionLabel, isFieldAction } from '../../../shared/order-workflow'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { encodeInbox } from '../../../shared/ipc/order-list-wire'

const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:'])

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return EXTERNAL_SCHEMES.has(url.protocol) && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

export function createIpcHandlers(deps: {
  ready: Promise<void>
  session: SessionService
  inbox: InboxService
  sync: SyncService
  offline: OfflineStore
  clock: Clock
  actions: OrderActions
  uploads: ReportUploads
  picked: PickedFiles
  drafts: DraftStore
  dialogs: FileDialogs
  external: ExternalOpener
  maxUploadBytes(): number
  settings: SettingsService
  updates: UpdateService
  diagnostics: DiagnosticsService
  appInfo: AppInfo
  openLogsFolder(): Promise<void>
  logger: Logger
  takeWindowNotice(): string | null
  takeOrderToOpen(): OrderRef | null
}): IpcHandlers {
  const { session, inbox, actions, uploads, picked, drafts, dialogs, external, settings, updates, diagnostics, offline } = deps
  const now = () => new Date(deps.clock.now()).toISOString()
  const isOffline = (error: unknown) => error instanceof AppError && error.code === 'offline'
  /** The order with the field actions waiting to be sent for it. */
  const withPending = (order: OrderDetail): OrderDetail => ({
    ...order,
    pendingActions: offline.pendingFor(order).map((p) => ({ id: p.id, type: p.action.type, label: actionLabel(p.action.type), queuedAt: p.queuedAt }))
  })
  // Every call waits for the saved session to be restored, so the first answer is already right.
  const after =
    <I, O>(fn: (input: I) => Promise<O>) =>
    async (input: I) => {
      await deps.ready
      return fn(input)
    }
  return {
    getSessionState: after(async () => session.state),
    getStorageProtection: after(() => session.protection()),
    setWeakStorageChoice: after(({ choice }) => session.setWeakStorageChoice(choice)),
    setKeepSignedIn: after(({ keep }) => session.setKeepSignedIn(keep)),
    signIn: after((input) => session.signIn(input)),
    signOut: after(() => session.signOut()),
    requestPasswordReset: after(({ environment, email }) => session.requestPasswordReset(environment, email)),
    resetPassword: after(async ({ environment, email, code, newPassword }) => {
      await session.resetPassword(environment, email, code, newPassword)
      return null
    }),
    listOrders: after(async () => {
      if (session.requireUser().role !== VENDOR_ROLE) throw new AppError('forbidden', 'The inbox is for appraisers (vendor accounts).')
      try {
        return encodeInbox(await deps.sync.syncNow())
      } catch (error) {
        const kept = isOffline(error) ? deps.sync.offlineSnapshot() : null
        if (kept) return encodeInbox(kept)
        throw error
      }
    }),
    getOrder: after(async (ref) => {
      try {
        const order = await inbox.get(ref)
        void offline.saveOrder(order, now()).catch(() => undefined)
        return withPending(order)
      } catch (error) {
        const kept = isOffline(error) ? await offline.loadOrder(ref) : null
        if (kept) return withPending(kept)
        throw error
      }
    }),
    openExternal: after(async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid_input', 'Only web and e-mail links can be opened.')
      await external.open(url)
      return null
    }),
    networkRestored: after(async () => {
      await session.wake()
      void deps.sync.syncNow().catch(() => undefined)
      return null
    }),
    performOrderAction: after(async ({ ref, action }) => {
      try {
        const result = await actions.perform(ref, action)
        deps.sync.applyLocal(result.order)
        return { ...result, order: withPending(result.order), queued: false }
      } catch (error) {
        // At the property without a signal: a field action waits, and is sent when the network returns.
        const kept = isOffline(error) && isFieldAction(action.type) ? await offline.loadOrder(ref) : null
        if (!kept) throw error
        await offline.enqueue(ref, action, now(), kept.history.map((h) => h.id))
        return { order: withPending(kept), confirmedFromHistory: false, queued: true }
      }
    }),
    cancelPendingAction: after(async ({ id }) => {
      if (!(await offline.remove(id))) throw new AppError('not_found', 'That action was already sent or cancelled.')
      return null
    }),
    listInspectionSlots: after(async (ref) => {
      try {
        return (await session.requireAuth().call('listInspectionSlots', { params: ref })).items
      } catch (error) {
        throw toAppError(error)
      }
    }),
    pickReportFiles: after(async () => {
      session.requireUser()
      const paths = await dialogs.openFiles({
        title: 'Choose the report files',
        filters: [
          { name: 'Appraisal report (PDF, MISMO XML)', extensions: ['pdf', 'xml'] },
          { name: 'All files', extensions: ['*'] }
        ]
      })
      return preflight(await picked.add(paths), deps.maxUploadBytes())
    }),
    uploadReport: after(async ({ ref, uploadId, fileIds }) => {
      const result = await uploads.upload(ref, uploadId, fileIds)
      deps.sync.applyLocal(result.order)
      return result
    }),
    cancelUpload: after(async ({ uploadId }) => {
      uploads.cancel(uploadId)
      return null
    }),
    downloadDocument: after(({ ref, documentId }) => downloadDocument(session.requireAuth(), dialogs, ref, documentId)),
    listPayments: after(() => listPayments(session.requireAuth())),
    saveInspectionToCalendar: after(async (ref) => {
      const order = await inbox.get(ref)
      const text = inspectionEvent(order)
      const target = await dialogs.saveFile({ title: 'Add the inspection to your calendar', defaultName: `Inspection ${order.orderNumber}.ics` })
      if (!target) return null
      await writeFileAtomic(target, text)
      return { savedTo: target }
    }),
    getDraft: after(async ({ key }) => drafts.get(session.requireUser().id, key)),
    saveDraft: after(async ({ key, value }) => {
      drafts.save(session.requireUser().id, key, value)
      return null
    }),
    discardDraft: after(async ({ key }) => {
      drafts.discard(session.requireUser().id, key)
      return null
    }),
    getSettings: after(async () => settings.get()),
    updateSettings: after(async (patch) => settings.update(patch)),
    getUpdateStatus: after(async () => updates.current),
    checkForUpdates: after(() => updates.check()),
    restartToUpdate: after(async () => {
      updates.restart()
      return null
    }),
    getAppInfo: after(async () => deps.appInfo),
    exportDiagnostics: after(() => diagnostics.exportToFile()),
    openLogsFolder: after(async () => {
      await deps.openLogsFolder()
      return null
    }),
    reportRendererError: after(async ({ message, stack, source }) => {
      deps.logger.error('renderer error', { source, message: redact(message), stack: stack === null ? null : redact(stack) })
      return null
    }),
    takeWindowNotice: after(async () => deps.takeWindowNotice()),
    takeOrderToOpen: after(async () => deps.takeOrderToOpen())
  }
}
