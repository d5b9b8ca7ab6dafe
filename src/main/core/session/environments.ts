/** Where each environment the user can pick lives, and the origin that keys its sessions. */
import type { EnvironmentChoice, EnvironmentInfo } from '../../../shared/ipc/session-schemas'
import type { SandboxProvider } from '../ports'

export const PRODUCTION_API_URL = 'https://api.omnivms.com'

/** An environment as main knows it: what the window is told, and the origin its session keys use. */
export interface ResolvedEnvironment {
  info: EnvironmentInfo
  /** The environment's origin for session keys: data of one environment is never another's. */
  keyOrigin: string
}

export async function resolveEnvironment(choice: EnvironmentChoice, sandbox: SandboxProvider): Promise<ResolvedEnvironment> {
  switch (choice.kind) {
    case 'sandbox': {
      const url = await sandbox.url()
      return { info: { kind: 'sandbox', label: 'Local sandbox', url }, keyOrigin: sandbox.keyOrigin ?? new URL(url).origin }
    }
    case 'production':
      return { info: { kind: 'production', label: 'OmniValVMS', url: PRODUCTION_API_URL }, keyOrigin: new URL(PRODUCTION_API_URL).origin }
    case 'custom': {
      const url = new URL(choice.url)
      return { info: { kind: 'custom', label: url.host, url: url.origin }, keyOrigin: url.origin }
    }
  }
}
