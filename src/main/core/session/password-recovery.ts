/** "Forgot password?": asking for a reset code, and setting a new password with it. */
import type { EnvironmentChoice } from '../../../shared/ipc/session-schemas'
import { AppError } from '../errors'
import type { PlatformClient } from '../platform/platform-client'
import { PlatformError } from '../platform/platform-error'
import { toAppError } from '../platform/to-app-error'
import type { SandboxProvider } from '../ports'
import type { Preferences } from '../storage/preferences'
import { resolveEnvironment } from './environments'

export interface PasswordRecoveryDeps {
  sandbox: SandboxProvider
  preferences: Preferences
  client(baseUrl: string): PlatformClient
}

export class PasswordRecovery {
  constructor(private readonly deps: PasswordRecoveryDeps) {}

  /** The platform answers the same for known and unknown e-mails. */
  async requestReset(choice: EnvironmentChoice, email: string): Promise<{ message: string }> {
    const client = await this.clientFor(choice)
    try {
      return await client.call('forgotPassword', { body: { email } })
    } catch (error) {
      throw toAppError(error)
    }
  }

  async reset(choice: EnvironmentChoice, email: string, code: string, newPassword: string): Promise<void> {
    const client = await this.clientFor(choice)
    try {
      await client.call('resetPassword', { body: { email, code, newPassword } })
    } catch (error) {
      if (error instanceof PlatformError && (error.status === 400 || error.status === 422)) {
        const f = error.failure
        const message = f.kind === 'http' && f.serverMessage ? f.serverMessage : 'That reset code is not valid or has expired.'
        throw new AppError(f.kind === 'http' && f.code === 'weak_password' ? 'validation' : 'invalid_reset_code', message)
      }
      throw toAppError(error)
    }
    this.deps.preferences.rememberSignIn(email, choice)
  }

  private async clientFor(choice: EnvironmentChoice): Promise<PlatformClient> {
    return this.deps.client((await resolveEnvironment(choice, this.deps.sandbox)).info.url)
  }
}
