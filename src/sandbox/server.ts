import { serve } from '@hono/node-server'
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
export function startSandboxServer(options: SandboxOptions & { port?: number } = {}): Promise<RunningSandbox> {
  const sandbox = new Sandbox(options)
  const app = createSandboxApp(sandbox)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        sandbox,
        close: () =>
          new Promise<void>((done) => {
            const http = server as Server
            http.closeAllConnections?.()
            http.close(() => done())
          })
      })
    })
    server.once('error', reject)
  })
}
