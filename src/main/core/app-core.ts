import { eventChannel, ipcEvents, type EventPayload, type IpcEventName } from '../../shared/ipc/contract'
import { createIpcDispatcher, type IpcDispatch } from './ipc/dispatcher'
import { createIpcHandlers } from './ipc/handlers'
import { createSenderPolicy } from './ipc/sender-policy'
import { InboxService } from './orders/inbox-service'
import { systemClock, type Clock, type ExternalOpener, type HttpFetch, type KeyValueStore, type Logger, type SandboxProvider, type SecretCipher, type FileDialogs } from './ports'
import { SessionService } from './session/session-service'
import { DraftStore } from './drafts/draft-store'
import { OrderActions } from './orders/order-actions'
import { PickedFiles } from './uploads/picked-files'
import { DEFAULT_MAX_UPLOAD_BYTES } from './uploads/preflight'
import { ReportUploads } from './uploads/report-upload'
import { Preferences } from './storage/preferences'
import { TokenVault } from './storage/token-vault'

export interface AppCoreDeps {
  store: KeyValueStore
  cipher: SecretCipher
  fetch: HttpFetch
  logger: Logger
  sandbox: SandboxProvider
  external: ExternalOpener
  dialogs: FileDialogs
  /** Per-file upload limit; UCDP's 15 MB by default. */
  maxUploadBytes?: number
  /** Origins whose main frame may call IPC (the app's own content only). */
  trustedOrigins: readonly string[]
  clock?: Clock
}

export type EventListener = (channel: string, payload: unknown) => void

export interface AppCore {
  dispatch: IpcDispatch
  /** Main→renderer events, already validated against the contract, keyed by channel. */
  subscribe(listener: EventListener): () => void
  /** Call when the system resumes from sleep or the network comes back. */
  wake(): Promise<void>
  ready: Promise<void>
  dispose(): void
}

/** The main process's logic, wired from ports. Runs unchanged in Electron and in plain Node. */
export function createAppCore(deps: AppCoreDeps): AppCore {
  const listeners = new Set<EventListener>()
  const emit = <N extends IpcEventName>(name: N, payload: EventPayload<N>) => {
    const parsed = ipcEvents[name].parse(payload)
    for (const listener of listeners) listener(eventChannel(name), parsed)
  }
  const session = new SessionService({
    vault: new TokenVault(deps.store, deps.cipher, deps.logger),
    preferences: new Preferences(deps.store),
    fetch: deps.fetch,
    clock: deps.clock ?? systemClock,
    logger: deps.logger,
    sandbox: deps.sandbox,
    onStateChanged: (state) => emit('sessionChanged', state)
  })
  const ready = session.restore()
  const auth = () => session.requireAuth()
  const inbox = new InboxService(auth, deps.logger)
  const picked = new PickedFiles()
  const maxUploadBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES
  const handlers = createIpcHandlers({
    ready,
    session,
    inbox,
    actions: new OrderActions(auth, inbox, deps.logger),
    uploads: new ReportUploads(auth, inbox, picked, maxUploadBytes, (progress) => emit('uploadProgress', progress), deps.logger),
    picked,
    drafts: new DraftStore(deps.store),
    dialogs: deps.dialogs,
    external: deps.external,
    maxUploadBytes
  })
  const dispatch = createIpcDispatcher(handlers, {
    isTrustedSender: createSenderPolicy(deps.trustedOrigins),
    logger: deps.logger
  })
  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    wake: () => session.wake(),
    ready,
    dispose() {
      listeners.clear()
      session.dispose()
    }
  }
}
