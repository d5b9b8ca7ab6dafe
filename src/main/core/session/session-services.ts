/**
 * The work one signed-in session owns — its inbox and sync, offline copy, queue of field actions
 * and their sender, drafts, order actions, uploads and long saves — built for its scope and stopped with it.
 * Everything that reaches the window or the OS goes through the scope: once it is disposed,
 * nothing it started is shown, notified or sent.
 */
import type { EventPayload, IpcEventName } from '../../../shared/ipc/contract'
import { encodeInboxChanges } from '../../../shared/ipc/order-list-wire'
import type { OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { VENDOR_ROLE, type User } from '../../../shared/ipc/session-schemas'
import { DraftStore, takeLegacyDrafts } from '../drafts/draft-store'
import { ActionQueue } from '../offline/action-queue'
import { OfflineCopy } from '../offline/offline-copy'
import { PendingSender } from '../offline/pending-sender'
import { InboxService } from '../orders/inbox-service'
import { OrderActions } from '../orders/order-actions'
import { SaveJobs } from '../orders/save-jobs'
import { SubmittedReportFiles } from '../orders/submitted-report-files'
import type { KeyValueStore, Logger, Notifier } from '../ports'
import type { KnownPersonalValues } from '../privacy/known-personal-values'
import type { SessionFiles } from '../storage/session-files'
import { NotificationMemory } from '../sync/notification-memory'
import { OrderAlerts, type OrderAlertsDeps } from '../sync/order-alerts'
import { SyncService } from '../sync/sync-service'
import { SyncedInbox } from '../sync/synced-inbox'
import { PickedFiles } from '../uploads/picked-files'
import { ReportUploads } from '../uploads/report-upload'
import type { AuthSession } from './auth-session'
import { OrderWork } from './order-work'
import type { SessionScope } from './session-scope'

export type Emit = <N extends IpcEventName>(name: N, payload: EventPayload<N>) => void

/** The app-wide ports a session's sync uses (its clock is scoped to the session when the services are made). */
export interface SessionServicesDeps extends Pick<OrderAlertsDeps, 'clock' | 'settings' | 'notifier' | 'badge' | 'tray' | 'window'> {
  logger: Logger
  emit: Emit
  /** Show this order in the window (a notification was clicked). */
  openOrder(ref: OrderRef): void
  /** Something the user should read now. */
  notice(text: string): void
  maxUploadBytes(): number
  /** Where earlier versions kept drafts in plain text (taken over once, then removed). */
  legacyStore: KeyValueStore
  /** The borrower names the logger masks: this session's, while it lives. */
  knownPersonal: KnownPersonalValues | null
}

export interface SessionServices {
  inbox: InboxService
  /** Null for an account that is not an appraiser's: nothing syncs. */
  sync: SyncService | null
  offline: OfflineCopy
  queue: ActionQueue
  sender: PendingSender
  drafts: DraftStore
  actions: OrderActions
  uploads: ReportUploads
  picked: PickedFiles
  submittedFiles: SubmittedReportFiles
  /** Exports and workfiles being saved: progress and cancel. */
  saves: SaveJobs
  /** Reading orders and acting on them, online or offline: what every entry point calls. */
  work: OrderWork
  /** The order after the appraiser's own change: held, told to the window, its offline copy refreshed. */
  recordOwnChange(order: OrderDetail): void
}

export function createSessionServices(deps: SessionServicesDeps, scope: SessionScope, auth: AuthSession, user: User, files: SessionFiles): SessionServices {
  const clock = scope.clock(deps.clock)
  const now = () => new Date(clock.now()).toISOString()
  const emit: Emit = (name, payload) => scope.ifLive(() => deps.emit(name, payload))
  const known = deps.knownPersonal
  scope.add(() => known?.clear(scope.id))
  const notice = (text: string) => scope.ifLive(() => deps.notice(text))
  const notifier: Notifier | null = deps.notifier && {
    show: (notification) => scope.ifLive(() => deps.notifier?.show(notification)),
    onClick: (listener) => deps.notifier?.onClick((id) => scope.ifLive(() => listener(id))) ?? (() => undefined)
  }

  const inbox = new InboxService(auth, deps.logger, () => clock.now())
  const offline = new OfflineCopy(files, deps.logger)
  const queue = new ActionQueue(files, scope.key)
  const drafts = new DraftStore(files, () => clock.now())
  void drafts.adopt(takeLegacyDrafts(deps.legacyStore, user.id))
  const actions = new OrderActions(auth, inbox, deps.logger)
  const picked = new PickedFiles()
  const submittedFiles = new SubmittedReportFiles(files)
  const uploads = new ReportUploads(auth, inbox, picked, submittedFiles, deps.maxUploadBytes, (progress) => emit('uploadProgress', progress), deps.logger)
  scope.add(() => uploads.cancelAll())
  const saves = new SaveJobs((progress) => emit('saveProgress', progress))
  scope.add(() => saves.cancelAll())

  let sync: SyncService | null = null
  const keepCopy = (order: OrderDetail) => void offline.saveOrder(order, now()).catch(() => undefined)
  const recordOwnChange = (order: OrderDetail) => {
    sync?.applyLocal(order)
    keepCopy(order)
  }
  const sender = new PendingSender({
    queue,
    inbox,
    actions,
    applied: recordOwnChange,
    seen: keepCopy,
    notice,
    retryAt: () => auth.retryAt(),
    clock,
    logger: deps.logger
  })
  if (user.role === VENDOR_ROLE) {
    const memory = new NotificationMemory(files)
    const running = new SyncService({
      inbox,
      state: new SyncedInbox({ offline, clock, logger: deps.logger, holds: (orders) => scope.ifLive(() => known?.add(scope.id, orders.map((o) => o.borrowerName))) }),
      alerts: new OrderAlerts({ clock, settings: deps.settings, notifier, badge: deps.badge, tray: deps.tray, window: deps.window, memory, emitOpenOrder: (ref) => scope.ifLive(() => deps.openOrder(ref)) }),
      memory,
      clock,
      intervalMs: () => deps.settings.get().sync.intervalSeconds * 1000,
      retryAt: () => auth.retryAt(),
      emitChanges: (changes) => emit('inboxChanged', encodeInboxChanges(changes)),
      hasPending: () => queue.all().length > 0,
      sendPending: (networkReturned) => sender.send({ force: networkReturned })
    })
    scope.add(() => running.dispose())
    sync = running
  }
  const work = new OrderWork({ inbox, sync, offline, queue, actions, recordOwnChange, now })
  return { inbox, sync, offline, queue, sender, drafts, actions, uploads, picked, submittedFiles, saves, work, recordOwnChange }
}
