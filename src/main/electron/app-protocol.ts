/** The app:// scheme: the renderer served from the built files with the CSP header. */
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { APP_HOST, APP_SCHEME } from '../../shared/csp'
import { rendererHeaders, resolveRendererFile } from '../core/renderer-files'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // Module scripts (type="module" crossorigin) load through the fetch/CORS machinery, so the
    // scheme needs both; the CSP's connect-src 'none' still forbids any request of the renderer's own.
    // Code cache: V8 keeps the compiled renderer between launches (Chromium does so for http(s) only,
    // unless a custom scheme asks), so the window's scripts start compiled, not parsed anew each time.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } }
  ])
}

/** Serves the built renderer, and nothing else, at app://omnivms/ with the app's CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    try {
      return new Response(await readFile(file), { headers: rendererHeaders(file) })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
