/** Every IPC call's handler, from the three groups; each answers only once the saved session is restored. */
import type { IpcHandlers } from './dispatcher'
import { appHandlers, type AppHandlerDeps } from './app-handlers'
import { orderHandlers } from './order-handlers'
import { sessionHandlers } from './session-handlers'
import type { SessionService } from '../session/session-service'
import type { PasswordRecovery } from '../session/password-recovery'
import type { Clock, FileDialogs, PdfPrinter } from '../ports'

export interface HandlerDeps extends AppHandlerDeps {
  ready: Promise<void>
  session: SessionService
  recovery: PasswordRecovery
  dialogs: FileDialogs
  printer: PdfPrinter | null
  clock: Clock
  maxUploadBytes(): number
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const handlers: IpcHandlers = { ...sessionHandlers(deps), ...orderHandlers(deps), ...appHandlers(deps) }
  // Every call waits for the saved session to be restored, so the first answer is already right.
  const afterReady = Object.entries(handlers).map(([name, handler]) => [
    name,
    async (input: never) => {
      await deps.ready
      return (handler as (input: never) => Promise<unknown>)(input)
    }
  ])
  return Object.fromEntries(afterReady) as IpcHandlers
}
