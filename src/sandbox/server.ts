/** The sandbox served on 127.0.0.1. */
import { serve } from '@hono/node-server'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createSandboxApp } from './http-app'
import { Sandbox, type SandboxOptions } from './sandbox'

export interface RunningSandbox {
  url: string
  sandbox: Sandbox
  close(): Promise<void>
}

/** Serves the sandbox on 127.0.0.1 only. Port 0 picks a free port. */
export function startSandboxServer(options: SandboxOptions & { port?: number; controlPlane?: boolean; validateResponses?: boolean } = {}): Promise<RunningSandbox> {
  // Uploaded files go to a folder of the caller's, or to a temporary one removed on close.
  const ownFiles = options.filesDir === undefined
  const filesDir = options.filesDir ?? mkdtempSync(join(tmpdir(), 'omnivms-sandbox-files-'))
  mkdirSync(filesDir, { recursive: true })
  const sandbox = new Sandbox({ ...options, filesDir })
  // Answers are checked against the contract wherever the control plane is (tests, npm run sandbox).
  const controlPlane = options.controlPlane ?? true
  const app = createSandboxApp(sandbox, { controlPlane, validateResponses: options.validateResponses ?? controlPlane })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        sandbox,
        close: () =>
          new Promise<void>((done) => {
            const http = server as Server
            http.closeAllConnections?.()
            http.close(() => {
              if (ownFiles) rmSync(filesDir, { recursive: true, force: true })
              done()
            })
          })
      })
    })
    server.once('error', reject)
  })
}
