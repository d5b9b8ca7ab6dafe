import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { rendererHeaders, resolveRendererFile } from '../../src/main/core/renderer-files'

/** Serves the built renderer on 127.0.0.1 with the same headers (CSP included) as app://. */
export async function startRendererServer(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const file = resolveRendererFile(root, new URL(request.url ?? '/', 'http://localhost').pathname)
    if (!file) return void response.writeHead(404).end()
    readFile(file).then(
      (body) => response.writeHead(200, rendererHeaders(file)).end(body),
      () => response.writeHead(404).end()
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
