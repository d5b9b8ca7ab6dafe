/**
 * The sandbox's control plane under /__sandbox/ (npm run sandbox and tests only, never in the app):
 * tokens, faults, the request log, the clock, and the platform's side of an order — each change
 * applied through the action table's events, as the platform would make it.
 */
import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { z } from 'zod'
import type { PlatformEventId } from '../shared/order-workflow'
import { FaultInputSchema, createFault } from './faults'
import { readJson } from './routes'
import type { Sandbox } from './sandbox'

type Env = { Bindings: HttpBindings }

const Reason = z.object({ reason: z.string().max(2000).default('') })

export function controlRoutes(sandbox: Sandbox): Hono<Env> {
  const control = new Hono<Env>()
  const { auth, orders, moves } = sandbox
  /** A platform-side event on one order, answered with the order as it now is. */
  const event = (id: PlatformEventId, input: Record<string, unknown> = {}) => {
    return (orderId: string) => {
      const order = orders.findById(orderId)
      moves.applyEvent(id, order, input)
      return orders.detail(order)
    }
  }

  control.get('/tokens/issued', (c) => c.json({ tokens: auth.issuedTokens() }))
  control.post('/tokens/expire', (c) => c.json({ expired: auth.expireAccessTokens() }))
  control.post('/tokens/revoke', (c) => c.json({ revoked: auth.revokeRefreshTokens() }))
  control.post('/tokens/ttl', async (c) => {
    const { seconds } = await readJson(c, z.object({ seconds: z.number().positive() }))
    auth.accessTokenTtlMs = seconds * 1000
    return c.json({ seconds })
  })
  control.get('/sessions', (c) => c.json({ sessions: auth.validSessions() }))
  control.get('/outbox', (c) => c.json({ messages: sandbox.state.data.outbox }))
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
    return c.json(orders.detail(orders.assign(input)), 201)
  })
  control.post('/orders/:orderId/qc', async (c) => {
    const { decision, reason } = await readJson(c, z.object({ decision: z.enum(['accept', 'revision']), reason: z.string().max(2000).default('') }))
    return c.json(event(decision === 'accept' ? 'qcAccept' : 'qcRevision', { reason })(c.req.param('orderId')))
  })
  control.post('/orders/:orderId/conditions', async (c) => {
    const input = await readJson(
      c,
      z.object({ decision: z.enum(['accept', 'counter']), fee: z.number().positive().nullable().default(null), dueDate: z.string().nullable().default(null), note: z.string().max(2000).default('') })
    )
    return c.json(event(input.decision === 'accept' ? 'clientAcceptsTerms' : 'clientCounters', { fee: input.fee, dueDate: input.dueDate, note: input.note, reason: input.note })(c.req.param('orderId')))
  })
  control.post('/orders/:orderId/hold', async (c) => c.json(event('hold', await readJson(c, Reason))(c.req.param('orderId'))))
  control.post('/orders/:orderId/resume', (c) => c.json(event('resume')(c.req.param('orderId'))))
  control.post('/orders/:orderId/deliver', (c) => c.json(event('deliver')(c.req.param('orderId'))))
  control.post('/orders/:orderId/rov', async (c) => {
    const { from, reason } = await readJson(c, z.object({ from: z.enum(['borrower', 'client']), reason: z.string().max(2000).default('') }))
    return c.json(event(from === 'borrower' ? 'rovBorrower' : 'rovClient', { reason })(c.req.param('orderId')))
  })
  control.post('/clock', async (c) => {
    const { advanceMs } = await readJson(c, z.object({ advanceMs: z.number().int().min(0).max(365 * 86_400_000) }))
    sandbox.advanceClock(advanceMs)
    return c.json({ now: sandbox.state.nowIso() })
  })
  control.post('/reset', (c) => {
    sandbox.reset()
    return c.json({ ok: true })
  })
  return control
}
