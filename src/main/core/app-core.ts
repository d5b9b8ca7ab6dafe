import { eventChannel, ipcEvents, type EventPayload, type IpcEventName } from '../../shared/ipc/contract'
import { createIpcDispatcher, type IpcDispatch } from './ipc/dispatcher'
import { createIpcHandlers } from './ipc/handlers'
import { createSenderPolicy } from './ipc/sender-policy'
import { InboxService } from './orders/inbox-service'
import { systemClock, type Clock, type ExternalOpener, type HttpFetch, type KeyValueStore, type Logger, type SandboxProvider, type SecretCipher } from './ports'
import { SessionService } from './session/session-service'
import { Preferences } from './storage/preferences'
import { TokenVault } from './storage/token-vault'

export interface AppCoreDeps {
  store: KeyValueStore
  cipher: SecretCipher
  fetch: HttpFetch
  logger: Logger
  sandbox: SandboxProvider
  external: ExternalOpener
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
  const inbox = new InboxService(() => session.requireAuth(), deps.logger)
  const dispatch = createIpcDispatcher(createIpcHandlers({ ready, session, inbox, external: deps.external }), {
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
