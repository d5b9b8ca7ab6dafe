/** The "Local sandbox (demo data)" environment: a sandbox started inside the app, or one given by OMNIVMS_SANDBOX_URL. */
import { join } from 'node:path'
import type { SandboxProvider } from './core/ports'
import { createDebouncedSaver, loadSandboxData } from '../sandbox/persistence'
import { startSandboxServer, type RunningSandbox } from '../sandbox/server'

/**
 * The sandbox environment of the app: a sandbox given by OMNIVMS_SANDBOX_URL (tests, demos
 * against `npm run sandbox`), or one started inside the app on first use, on a free loopback
 * port, with its data kept in `dataDir` so a signed-in session survives a restart of the app.
 */
export function createEmbeddedSandbox(dataDir: string, overrideUrl?: string): SandboxProvider & { close(): Promise<void> } {
  if (overrideUrl) return { url: async () => overrideUrl, keyOrigin: new URL(overrideUrl).origin, close: async () => undefined }
  const file = join(dataDir, 'sandbox-data.json')
  const saver = createDebouncedSaver(file)
  let running: Promise<RunningSandbox> | null = null
  return {
    // Its port changes at every launch; its sessions' data must not.
    keyOrigin: 'sandbox://embedded',
    async url() {
      // No control plane inside the app: nothing else on this computer can reset data or read sessions.
      running ??= startSandboxServer({
        controlPlane: false,
        initialData: loadSandboxData(file),
        filesDir: join(dataDir, 'files'),
        onChange: (data) => saver.save(data)
      })
      return (await running).url
    },
    async close() {
      saver.flush()
      if (running) await (await running).close()
    }
  }
}
