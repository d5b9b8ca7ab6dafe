/** The sandbox's HTTP app: loopback and JSON checks, faults, the platform routes, and the control plane. */
import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { endpoints, type EndpointDef } from '../platform/endpoints'
import { controlRoutes } from './control-routes'
import type { Sandbox } from './sandbox'
import { SandboxError } from './sandbox-error'
import { faultMiddleware } from './faults'
import { platformRoutes } from './platform-routes'
import { registerRoutes } from './routes'

type Env = { Bindings: HttpBindings }

const errorBody = (code: string, message: string) => ({ error: { code, message } })


export interface SandboxAppOptions {
  /** The test and demo control plane under /__sandbox/. Never mounted in the sandbox embedded in the app. */
  controlPlane: boolean
  /** Check every JSON answer against the declared response schema (tests). */
  validateResponses?: boolean
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Host header check: a page elsewhere cannot reach this server through DNS rebinding. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${host}`).hostname)
  } catch {
    return false
  }
}

// Routes whose request body is raw bytes; every other body must be JSON.
const BINARY_ROUTES = (Object.values(endpoints) as EndpointDef[])
  .filter((e) => e.transfer === 'binary')
  .map((e) => ({ method: e.method, pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`) }))

const hasBody = (c: Context<Env>) => Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined

/** The platform API the app calls, plus (when asked for) the sandbox's control plane under /__sandbox/. */
export function createSandboxApp(sandbox: Sandbox, options: SandboxAppOptions = { controlPlane: true }): Hono<Env> {
  const app = new Hono<Env>()

  app.onError((err, c) => {
    if (err instanceof SandboxError) {
      const headers: Record<string, string> = err.retryAfterSeconds === undefined ? {} : { 'retry-after': String(err.retryAfterSeconds) }
      return c.json(errorBody(err.code, err.message), err.status, headers)
    }
    console.error('[sandbox] unexpected error', err)
    return c.json(errorBody('internal_error', 'Unexpected error.'), 500)
  })
  app.notFound((c) => c.json(errorBody('not_found', 'No such endpoint.'), 404))

  // Only loopback Host names, and JSON bodies only (a web page's form post is text/plain or form data).
  app.use('*', async (c, next) => {
    // Every answer carries a correlation id, as support references it.
    c.header('x-correlation-id', `req-${randomBytes(6).toString('hex')}`)
    if (!isLoopbackHost(c.req.header('host'))) throw new SandboxError(421, 'bad_host', 'This server answers only on 127.0.0.1 or localhost.')
    if (hasBody(c)) {
      const binary = BINARY_ROUTES.some((r) => r.method === c.req.method && r.pattern.test(c.req.path))
      const json = /^application\/json\b/i.test(c.req.header('content-type') ?? '')
      if (!binary && !json) throw new SandboxError(415, 'json_only', 'Request bodies must be JSON (content-type: application/json).')
    }
    await next()
  })

  // Faults are set, and the request log read, through the control plane only: without it (the
  // sandbox inside the app) there is nothing to inject and no one to read the log, so none is kept.
  if (options.controlPlane) app.use('/api/*', faultMiddleware(sandbox))
  // Deadlines pass between requests: the platform has moved unanswered assignments on by the time it answers.
  app.use('/api/*', async (_c, next) => {
    sandbox.moves.expireUnanswered()
    await next()
  })

  registerRoutes(app, sandbox, platformRoutes, { validateResponses: options.validateResponses ?? false })

  if (!options.controlPlane) return app

  app.route('/__sandbox', controlRoutes(sandbox))

  return app
}


