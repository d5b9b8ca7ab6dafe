/** The IPC calls about signing in and out, and where the session is kept. */
import type { PasswordRecovery } from '../session/password-recovery'
import type { SessionService } from '../session/session-service'
import type { IpcHandlers } from './dispatcher'

type SessionCalls = 'getSessionState' | 'getStorageProtection' | 'setWeakStorageChoice' | 'setKeepSignedIn' | 'signIn' | 'signOut' | 'requestPasswordReset' | 'resetPassword' | 'networkRestored'

export function sessionHandlers(deps: { session: SessionService; recovery: PasswordRecovery }): Pick<IpcHandlers, SessionCalls> {
  const { session, recovery } = deps
  return {
    getSessionState: async () => session.state,
    getStorageProtection: () => session.protection(),
    setWeakStorageChoice: ({ choice, subject }) => session.setWeakStorageChoice(subject, choice),
    setKeepSignedIn: ({ keep }) => session.setKeepSignedIn(keep),
    signIn: (input) => session.signIn(input),
    signOut: () => session.signOut(),
    requestPasswordReset: ({ environment, email }) => recovery.requestReset(environment, email),
    resetPassword: async ({ environment, email, code, newPassword }) => {
      await recovery.reset(environment, email, code, newPassword)
      return null
    },
    networkRestored: async () => {
      await session.wake()
      void session.activeServices()?.sync?.refreshFromNow().catch(() => undefined)
      return null
    }
  }
}
