import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { z } from 'zod'
import { endpoints, routePattern, type EndpointDef } from '../platform/endpoints'
import { SandboxError, type Sandbox } from './sandbox'
import { FaultInputSchema, createFault, faultMiddleware } from './faults'

type Env = { Bindings: HttpBindings }

const errorBody = (code: string, message: string) => ({ error: { code, message } })

async function readJson<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new SandboxError(400, 'invalid_json', 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new SandboxError(400, 'validation_failed', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '))
  }
  return parsed.data
}

export interface SandboxAppOptions {
  /** The test and demo control plane under /__sandbox/. Never mounted in the sandbox embedded in the app. */
  controlPlane: boolean
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

  // ── Auth ──
  app.post(endpoints.signIn.path, async (c) => {
    const body = await readJson(c, endpoints.signIn.request)
    return c.json(sandbox.signIn(body.email, body.password))
  })
  app.post(endpoints.refreshToken.path, async (c) => {
    const body = await readJson(c, endpoints.refreshToken.request)
    return c.json(sandbox.refresh(body.refreshToken))
  })
  app.post(endpoints.signOut.path, async (c) => {
    const body = await readJson(c, endpoints.signOut.request)
    sandbox.signOut(body.refreshToken)
    return c.body(null, 204)
  })
  app.post(endpoints.forgotPassword.path, async (c) => {
    const body = await readJson(c, endpoints.forgotPassword.request)
    return c.json(sandbox.requestPasswordReset(body.email), 202)
  })
  app.post(endpoints.resetPassword.path, async (c) => {
    const body = await readJson(c, endpoints.resetPassword.request)
    sandbox.resetPassword(body.email, body.code, body.newPassword)
    return c.body(null, 204)
  })

  // ── Authenticated API ──
  const user = (c: Context<Env>) => sandbox.authenticate(c.req.header('authorization'))
  const param = (c: Context<Env>, name: string): string => {
    const value = c.req.param(name)
    if (value === undefined) throw new SandboxError(404, 'not_found', 'No such endpoint.')
    return value
  }
  const findOrder = (c: Context<Env>) =>
    sandbox.findOrder(user(c), param(c, 'clientId'), param(c, 'loanId'), param(c, 'orderId'))

  app.get(endpoints.me.path, (c) => {
    const u = user(c)
    return c.json({ user: { id: u.id, name: u.name, email: u.email, role: u.role }, clients: sandbox.clientsOf(u) })
  })
  app.get(routePattern(endpoints.listClientOrders.path), (c) => {
    const u = user(c)
    const query = endpoints.listClientOrders.query.safeParse(c.req.query())
    if (!query.success) throw new SandboxError(400, 'validation_failed', 'page and pageSize must be positive whole numbers (pageSize at most 500).')
    return c.json(sandbox.listOrders(u, param(c, 'clientId'), query.data.page, query.data.pageSize))
  })
  app.get(routePattern(endpoints.getOrder.path), (c) => c.json(sandbox.orderDetail(findOrder(c))))
  app.get(routePattern(endpoints.getVendorHistory.path), (c) => c.json({ items: sandbox.vendorHistory(findOrder(c)) }))

  app.post(routePattern(endpoints.updateOrderStatus.path), async (c) => {
    const u = user(c)
    const order = findOrder(c)
    const body = await readJson(c, endpoints.updateOrderStatus.request)
    sandbox.work.updateStatus(u, order, body)
    return c.json(sandbox.orderDetail(order))
  })
  app.get(routePattern(endpoints.listInspectionSlots.path), (c) => c.json({ items: sandbox.work.slots(findOrder(c)) }))
  app.get(routePattern(endpoints.listSubmissions.path), (c) => c.json({ items: sandbox.work.listSubmissions(findOrder(c)) }))
  app.post(routePattern(endpoints.createSubmission.path), async (c) => {
    const order = findOrder(c)
    const body = await readJson(c, endpoints.createSubmission.request)
    return c.json(sandbox.work.createSubmission(order, body.files), 201)
  })
  app.put(routePattern(endpoints.uploadSubmissionFile.path), async (c) => {
    const order = findOrder(c)
    return c.json(await sandbox.work.receiveFile(order, param(c, 'submissionId'), param(c, 'fileId'), c.req.raw.body))
  })
  app.post(routePattern(endpoints.submitSubmission.path), (c) => {
    const u = user(c)
    const order = findOrder(c)
    sandbox.work.submit(u, order, param(c, 'submissionId'))
    return c.json(sandbox.orderDetail(order))
  })
  app.get(routePattern(endpoints.listRevisions.path), (c) => {
    const order = findOrder(c)
    const items = sandbox.data.revisions
      .filter((r) => r.orderId === order.id)
      .map(({ orderId: _orderId, ...r }) => r)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
    return c.json({ items })
  })
  app.get(routePattern(endpoints.listDocuments.path), (c) => {
    const order = findOrder(c)
    const items = sandbox.data.documents
      .filter((d) => d.orderId === order.id)
      .map((d) => ({ id: d.id, name: d.name, contentType: d.contentType, size: Buffer.from(d.contentBase64, 'base64').length, sharedAt: d.sharedAt }))
    return c.json({ items })
  })
  app.get(routePattern(endpoints.downloadDocument.path), (c) => {
    const order = findOrder(c)
    const doc = sandbox.data.documents.find((d) => d.orderId === order.id && d.id === param(c, 'documentId'))
    if (!doc) throw new SandboxError(404, 'not_found', 'Document not found.')
    const bytes = Buffer.from(doc.contentBase64, 'base64')
    return c.body(bytes, 200, { 'content-type': doc.contentType, 'content-length': String(bytes.length) })
  })
  app.get(routePattern(endpoints.listVendorPayments.path), (c) => {
    const u = user(c)
    const clientId = param(c, 'clientId')
    sandbox.assertClientScope(u, clientId)
    const orders = new Map(sandbox.data.orders.filter((o) => o.vendorId === u.id && o.clientId === clientId).map((o) => [o.id, o]))
    const items = sandbox.data.payments.flatMap((p) => {
      const order = orders.get(p.orderId)
      return order ? [{ ...p, loanId: order.loanId, orderNumber: order.orderNumber, currency: order.currency }] : []
    })
    return c.json({ items })
  })

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
  control.get('/faults', (c) => c.json({ faults: sandbox.faults }))
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
        product: z.string().optional()
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
  control.post('/reset', (c) => {
    sandbox.reset()
    return c.json({ ok: true })
  })
  app.route('/__sandbox', control)

  return app
}


