/**
 * The IPC calls that work orders, each answered by the live session's own services — and only for
 * an appraiser's account: anyone else is told the app is for appraisers, on every call alike.
 */
import { safeFileName } from '../primitives/safe-file-name'
import { encodeInbox } from '../../../shared/ipc/order-list-wire'
import { inspectionEvent } from '../orders/calendar-event'
import { inboxFirstScreen } from '../orders/inbox-first-screen'
import { downloadDocument } from '../orders/document-downloads'
import { listPayments } from '../orders/payments'
import { toAppError } from '../platform/to-app-error'
import type { FileDialogs } from '../ports'
import type { SessionService } from '../session/session-service'
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

export function orderHandlers(deps: { session: SessionService; dialogs: FileDialogs; maxUploadBytes(): number }): Pick<IpcHandlers, OrderCalls> {
  const { session, dialogs } = deps
  const vendor = () => session.requireVendor()
  return {
    listOrders: async (input) => encodeInbox(await vendor().services.work.inbox(input?.cached ?? false)),
    inboxFirstScreen: async (view) => inboxFirstScreen(await vendor().services.work.inbox(true), view),
    getOrder: (ref) => vendor().services.work.order(ref),
    performOrderAction: ({ ref, action }) => vendor().services.work.perform(ref, action),
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
