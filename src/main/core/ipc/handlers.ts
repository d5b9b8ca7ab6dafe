import { AppError } from '../errors'
import type { InboxService } from '../orders/inbox-service'
import type { ExternalOpener } from '../ports'
import type { SessionService } from '../session/session-service'
import type { IpcHandlers } from './dispatcher'

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
  external: ExternalOpener
}): IpcHandlers {
  const { session, inbox, external } = deps
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
    signIn: after((input) => session.signIn(input)),
    signOut: after(() => session.signOut()),
    requestPasswordReset: after(({ environment, email }) => session.requestPasswordReset(environment, email)),
    resetPassword: after(async ({ environment, email, code, newPassword }) => {
      await session.resetPassword(environment, email, code, newPassword)
      return null
    }),
    listOrders: after(() => inbox.list()),
    getOrder: after((ref) => inbox.get(ref)),
    openExternal: after(async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid_input', 'Only web and e-mail links can be opened.')
      await external.open(url)
      return null
    })
  }
}
