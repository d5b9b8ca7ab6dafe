import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { z } from 'zod'
import { endpoints, type EndpointDef } from '../platform/endpoints'
import { SandboxError, type Sandbox } from './sandbox'
import { FaultInputSchema, createFault, faultMiddleware } from './faults'
import { platformRoutes } from './platform-routes'
import { readJson, registerRoutes } from './routes'

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

  app.use('/api/*', faultMiddleware(sandbox))
  // Deadlines pass between requests: the platform has moved unanswered assignments on by the time it answers.
  app.use('/api/*', async (_c, next) => {
    sandbox.work.expireUnanswered()
    await next()
  })

  registerRoutes(app, sandbox, platformRoutes, { validateResponses: options.validateResponses ?? false })

  if (!options.controlPlane) return app

  // ── Control plane (npm run sandbox and tests only) ──
  const control = new Hono<Env>()
  control.get('/tokens/issued', (c) => c.json({ tokens: sandbox.issuedTokens() }))
  control.post('/tokens/expire', (c) => c.json({ expired: sandbox.expireAccessTokens() }))
  control.post('/tokens/revoke', (c) => c.json({ revoked: sandbox.revokeRefreshTokens() }))
  control.get('/sessions', (c) => c.json({ sessions: sandbox.validSessions() }))
  control.get('/outbox', (c) => c.json({ messages: sandbox.data.outbox }))
  control.get('/requests', (c) => c.json({ requests: sandbox.requests }))
  control.delete('/requests', (c) => {
    sandbox.requests.length = 0
    return c.body(null, 204)
  })
  control.get('/faults', (c) => c.json({ faults: sandbox.faults, triggered: sandbox.faultsTriggered }))
  control.post('/faults', async (c) => {
    const fault = createFault(sandbox, await readJson(c, FaultInputSchema))
    sandbox.faults.push(fault)
    return c.json(fault, 201)
  })
  control.post('/tokens/ttl', async (c) => {
    const { seconds } = await readJson(c, z.object({ seconds: z.number().positive() }))
    sandbox.accessTokenTtlMs = seconds * 1000
    return c.json({ seconds })
  })
  control.delete('/faults', (c) => {
    sandbox.faults = []
    return c.body(null, 204)
  })
  control.post('/orders', async (c) => {
    const input = await readJson(
      c,
      z.object({
        vendorEmail: z.string().optional(),
        clientId: z.string().optional(),
        street: z.string().optional(),
        fee: z.number().positive().optional(),
        dueInDays: z.number().int().optional(),
        product: z.string().optional(),
        respondWithinMinutes: z.number().positive().max(60 * 24 * 30).optional()
      })
    )
    return c.json(sandbox.orderDetail(sandbox.assignNewOrder(input)), 201)
  })
  control.post('/orders/:orderId/qc', async (c) => {
    const input = await readJson(c, z.object({ decision: z.enum(['accept', 'revision']), reason: z.string().default('') }))
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.qc(order, input.decision, input.reason)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/orders/:orderId/conditions', async (c) => {
    const input = await readJson(
      c,
      z.object({
        decision: z.enum(['accept', 'counter']),
        fee: z.number().positive().nullable().default(null),
        dueDate: z.string().nullable().default(null),
        note: z.string().default('')
      })
    )
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.answerConditions(order, input.decision, input.fee, input.dueDate, input.note)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/orders/:orderId/hold', async (c) => {
    const { reason } = await readJson(c, z.object({ reason: z.string().max(2000) }))
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.hold(order, reason)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/orders/:orderId/resume', async (c) => {
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.resume(order)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/orders/:orderId/deliver', async (c) => {
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.deliver(order)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/orders/:orderId/rov', async (c) => {
    const { from, reason } = await readJson(c, z.object({ from: z.enum(['borrower', 'client']), reason: z.string().max(2000) }))
    const order = sandbox.findOrderById(c.req.param('orderId'))
    sandbox.work.reconsideration(order, from, reason)
    return c.json(sandbox.orderDetail(order))
  })
  control.post('/clock', async (c) => {
    const { advanceMs } = await readJson(c, z.object({ advanceMs: z.number().int().min(0).max(365 * 86_400_000) }))
    sandbox.advanceClock(advanceMs)
    return c.json({ now: new Date(sandbox.now()).toISOString() })
  })
  control.post('/reset', (c) => {
    sandbox.reset()
    return c.json({ ok: true })
  })
  app.route('/__sandbox', control)

  return app
}


