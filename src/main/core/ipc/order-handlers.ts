/**
 * The IPC calls that work orders, each answered by the live session's own services — and only for
 * an appraiser's account: anyone else is told the app is for appraisers, on every call alike.
 */
import { safeFileName } from '../storage/safe-file-name'
import { encodeInbox } from '../../../shared/ipc/order-list-wire'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { actionLabel, isFieldAction } from '../../../shared/order-workflow'
import { AppError } from '../errors'
import { inspectionEvent } from '../orders/calendar-event'
import { inboxFirstScreen } from '../orders/inbox-first-screen'
import { downloadDocument } from '../orders/document-downloads'
import { listPayments } from '../orders/payments'
import { toAppError } from '../platform/to-app-error'
import type { Clock, FileDialogs } from '../ports'
import type { SessionService } from '../session/session-service'
import type { SessionServices } from '../session/session-services'
import { writeFileAtomic } from '../storage/secure-file'
import { preflight } from '../uploads/preflight'
import type { IpcHandlers } from './dispatcher'

type OrderCalls =
  | 'listOrders'
  | 'inboxFirstScreen'
  | 'getOrder'
  | 'performOrderAction'
  | 'cancelPendingAction'
  | 'listInspectionSlots'
  | 'pickReportFiles'
  | 'uploadReport'
  | 'cancelUpload'
  | 'downloadDocument'
  | 'listPayments'
  | 'saveInspectionToCalendar'
  | 'getDraft'
  | 'saveDraft'
  | 'discardDraft'

const isOffline = (error: unknown) => error instanceof AppError && error.code === 'offline'
const orderLabel = (order: OrderDetail) => `${order.address.line1} (${order.orderNumber})`

/** The order with the field actions waiting to be sent for it. */
const withPending = (services: SessionServices, order: OrderDetail): OrderDetail => ({
  ...order,
  pendingActions: services.queue.pendingFor(order).map((p) => ({ id: p.id, type: p.action.type, label: actionLabel(p.action.type), queuedAt: p.queuedAt }))
})

export function orderHandlers(deps: { session: SessionService; dialogs: FileDialogs; clock: Clock; maxUploadBytes(): number }): Pick<IpcHandlers, OrderCalls> {
  const { session, dialogs } = deps
  const now = () => new Date(deps.clock.now()).toISOString()
  const vendor = () => session.requireVendor()
  /** The inbox as last synced (`cached`) or after a sync now; offline, the copy saved then. */
  const inbox = async (cached: boolean) => {
    const sync = vendor().services.sync
    if (!sync) throw new AppError('not_signed_in', 'You are signed out. Sign in to continue.')
    try {
      return await (cached ? sync.current() : sync.syncNow())
    } catch (error) {
      const kept = isOffline(error) ? sync.offlineSnapshot() : null
      if (kept) return kept
      throw error
    }
  }
  return {
    listOrders: async (input) => encodeInbox(await inbox(input?.cached ?? false)),
    inboxFirstScreen: async (view) => inboxFirstScreen(await inbox(true), view),
    getOrder: async (ref) => {
      const { services } = vendor()
      await services.queue.ready()
      try {
        const order = await services.inbox.get(ref)
        void services.offline.saveOrder(order, now()).catch(() => undefined)
        return withPending(services, order)
      } catch (error) {
        const kept = isOffline(error) ? await services.offline.loadOrder(ref) : null
        if (kept) return withPending(services, kept)
        throw error
      }
    },
    performOrderAction: async ({ ref, action }) => {
      const { services } = vendor()
      try {
        const result = await services.actions.perform(ref, action)
        services.recordOwnChange(result.order)
        return { ...result, order: withPending(services, result.order), queued: false }
      } catch (error) {
        // At the property without a signal: a field action waits, and is sent when the network returns.
        const kept = isOffline(error) && isFieldAction(action.type) ? await services.offline.loadOrder(ref) : null
        if (!kept) throw error
        await services.queue.enqueue({ ref, action, queuedAt: now(), orderLabel: orderLabel(kept), seenHistoryIds: kept.history.map((h) => h.id) })
        return { order: withPending(services, kept), confirmedFromHistory: false, queued: true }
      }
    },
    cancelPendingAction: async ({ id }) => {
      await vendor().services.queue.cancel(id)
      return null
    },
    listInspectionSlots: async (ref) => {
      try {
        return (await vendor().auth.call('listInspectionSlots', { params: ref })).items
      } catch (error) {
        throw toAppError(error)
      }
    },
    pickReportFiles: async () => {
      const { services } = vendor()
      const paths = await dialogs.openFiles({
        title: 'Choose the report files',
        filters: [
          { name: 'Appraisal report (PDF, MISMO XML)', extensions: ['pdf', 'xml'] },
          { name: 'All files', extensions: ['*'] }
        ]
      })
      return preflight(await services.picked.add(paths), deps.maxUploadBytes())
    },
    uploadReport: async ({ ref, uploadId, fileIds }) => {
      const { services } = vendor()
      const result = await services.uploads.upload(ref, uploadId, fileIds)
      services.recordOwnChange(result.order)
      return result
    },
    cancelUpload: async ({ uploadId }) => {
      vendor().services.uploads.cancel(uploadId)
      return null
    },
    downloadDocument: ({ ref, documentId }) => downloadDocument(vendor().auth, dialogs, ref, documentId),
    listPayments: () => listPayments(vendor().auth),
    saveInspectionToCalendar: async (ref) => {
      const order = await vendor().services.inbox.get(ref)
      const text = inspectionEvent(order)
      const target = await dialogs.saveFile({ title: 'Add the inspection to your calendar', defaultName: safeFileName(`Inspection ${order.orderNumber}.ics`, 'Inspection.ics') })
      if (!target) return null
      await writeFileAtomic(target, text)
      return { savedTo: target }
    },
    getDraft: ({ key }) => vendor().services.drafts.get(key),
    saveDraft: async ({ key, value }) => {
      await vendor().services.drafts.save(key, value)
      return null
    },
    discardDraft: async ({ key }) => {
      await vendor().services.drafts.discard(key)
      return null
    }
  }
}
