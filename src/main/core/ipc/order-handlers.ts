/**
 * The IPC calls that work orders, each answered by the live session's own services — and only for
 * an appraiser's account: anyone else is told the app is for appraisers, on every call alike.
 */
import { safeFileName, type SafeFileName } from '../primitives/safe-file-name'
import { breather, type SaveJob } from '../orders/save-jobs'
import { ordersCsvInChunks, paymentsCsv } from '../orders/spreadsheet-exports'
import { saveWorkfile } from '../orders/workfile'
import { encodeInbox } from '../../../shared/ipc/order-list-wire'
import { orderKey, type OrderRef, type OrderSummary } from '../../../shared/ipc/order-schemas'
import { inspectionEvent } from '../orders/calendar-event'
import { inboxFirstScreen } from '../orders/inbox-first-screen'
import { downloadDocument } from '../orders/document-downloads'
import { listPayments, withProperties } from '../orders/payments'
import { paymentsShown } from '../../../shared/payments-shown'
import { toAppError } from '../platform/to-app-error'
import type { Clock, FileDialogs, PdfPrinter } from '../ports'
import { AppError } from '../errors'
import type { SessionScope } from '../session/session-scope'
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
  | 'exportOrders'
  | 'saveOrderSheetPdf'
  | 'saveWorkfile'
  | 'cancelSave'
  | 'exportPayments'
  | 'saveInspectionToCalendar'
  | 'getDraft'
  | 'saveDraft'
  | 'discardDraft'

/** The orders these refs name, in the refs' order. */
function ordersNamed(orders: readonly OrderSummary[], refs: readonly OrderRef[]): OrderSummary[] {
  const byKey = new Map(orders.map((o) => [orderKey(o), o]))
  return refs.flatMap((ref) => byKey.get(orderKey(ref)) ?? [])
}

/** The orders main holds for the session (as last synced); none when it holds none yet. */
const heldOrders = (services: SessionServices): Promise<readonly OrderSummary[]> =>
  services.work.inbox(true).then(
    (inbox) => inbox.orders,
    () => []
  )

/**
 * Asks where, then writes what `build` makes there (whole or not at all); null when the dialog is
 * cancelled. The session that asked must still be the live one when the file is written.
 */
async function saveText(
  dialogs: FileDialogs,
  scope: SessionScope,
  job: SaveJob,
  title: string,
  defaultName: SafeFileName,
  build: () => Promise<{ text: string; rows: number }>
): Promise<{ savedTo: string; rows: number } | null> {
  const target = await dialogs.saveFile({ title, defaultName })
  if (!target) return null
  const { text, rows } = await build()
  job.checkpoint()
  scope.assertLive()
  await writeFileAtomic(target, text)
  job.progress(rows, rows, 'rows', 'Saved')
  return { savedTo: target, rows }
}

export function orderHandlers(deps: { session: SessionService; dialogs: FileDialogs; printer: PdfPrinter | null; clock: Clock; appInfo: { version: string }; maxUploadBytes(): number }): Pick<IpcHandlers, OrderCalls> {
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
    listPayments: async () => {
      const { auth, services } = vendor()
      const [payments, orders] = await Promise.all([listPayments(auth), heldOrders(services)])
      return withProperties(payments, orders)
    },
    exportOrders: async (input) => {
      const { scope, services } = vendor()
      const today = new Date(deps.clock.now()).toISOString().slice(0, 10)
      const name = input.kind === 'shown' ? `Orders ${input.label} ${today}.csv` : `Orders due ${input.from} to ${input.to}.csv`
      return services.saves.run(input.saveId, (job) =>
        saveText(dialogs, scope, job, 'Export orders', safeFileName(name, 'Orders.csv'), async () => {
          const inbox = await services.work.inbox(true)
          // Only orders main holds for this session: a ref it does not know exports nothing.
          const orders = input.kind === 'shown' ? ordersNamed(inbox.orders, input.orders) : inbox.orders.filter((o) => o.dueDate.slice(0, 10) >= input.from && o.dueDate.slice(0, 10) <= input.to)
          const text = await ordersCsvInChunks(orders, async (rows) => {
            job.checkpoint()
            job.progress(rows, orders.length, 'rows', 'Writing the orders')
            await breather()
          })
          return { text, rows: orders.length }
        })
      )
    },
    saveOrderSheetPdf: async (ref) => {
      const { scope, services } = vendor()
      const order = await services.work.order(ref)
      if (!deps.printer) throw new AppError('internal', 'Saving a PDF is not available here. Use Print order sheet… instead.')
      const target = await dialogs.saveFile({ title: 'Save the order sheet as PDF', defaultName: safeFileName(`Order sheet ${order.orderNumber}.pdf`, 'Order sheet.pdf') })
      if (!target) return null
      // The window is printed as it is now: not if the session that asked ended while the dialog was open.
      scope.assertLive()
      const pdf = await deps.printer.windowToPdf()
      scope.assertLive()
      await writeFileAtomic(target, pdf)
      return { savedTo: target }
    },
    saveWorkfile: async ({ ref, saveId }) => {
      const { auth, scope, services } = vendor()
      const order = await services.work.order(ref)
      const folder = await dialogs.saveFile({ title: 'Save the workfile (a folder)', defaultName: safeFileName(`Workfile ${order.orderNumber}`, 'Workfile') })
      if (!folder) return null
      return services.saves.run(saveId, async (job) => {
        scope.assertLive()
        const sheetPdf = deps.printer ? await deps.printer.windowToPdf() : null
        scope.assertLive()
        const manifest = await saveWorkfile({ auth, order, sheetPdf, submittedFiles: await services.submittedFiles.of(ref), folder, now: new Date(deps.clock.now()).toISOString(), appVersion: deps.appInfo.version, job })
        return { savedTo: folder, files: manifest.files.length + 1, notIncluded: manifest.notIncluded }
      })
    },
    cancelSave: async ({ saveId }) => {
      vendor().services.saves.cancel(saveId)
      return null
    },
    exportPayments: async ({ saveId, filter }) => {
      const { auth, scope, services } = vendor()
      const shown = filter ?? { clientId: null, status: null }
      const label = [shown.status === 'unpaid' ? 'Unpaid' : shown.status === 'paid' ? 'Paid' : null, 'Payments'].filter(Boolean).join(' ')
      const name = `${label} ${new Date(deps.clock.now()).toISOString().slice(0, 10)}.csv`
      return services.saves.run(saveId, (job) =>
        saveText(dialogs, scope, job, 'Export payments', safeFileName(name, 'Payments.csv'), async () => {
          const [payments, orders] = await Promise.all([listPayments(auth, job.signal), heldOrders(services)])
          const items = paymentsShown(withProperties(payments, orders).items, shown)
          return { text: paymentsCsv(items), rows: items.length }
        })
      )
    },
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
