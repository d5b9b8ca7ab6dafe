import type { EnvironmentChoice, EnvironmentInfo } from '../../../shared/ipc/session-schemas'
import type { SandboxProvider } from '../ports'

export const PRODUCTION_API_URL = 'https://api.omnivms.com'

export async function resolveEnvironment(choice: EnvironmentChoice, sandbox: SandboxProvider): Promise<EnvironmentInfo> {
  switch (choice.kind) {
    case 'sandbox':
      return { kind: 'sandbox', label: 'Local sandbox', url: await sandbox.url() }
    case 'production':
      return { kind: 'production', label: 'OmniValVMS', url: PRODUCTION_API_URL }
    case 'custom':
      return { kind: 'custom', label: new URL(choice.url).host, url: new URL(choice.url).origin }
  }
}
