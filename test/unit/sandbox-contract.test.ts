import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { platformRoutes } from '../../src/sandbox/platform-routes'
import { registerRoutes, type RouteTable } from '../../src/sandbox/routes'
import { buildPath, endpoints, type EndpointDef } from '../../src/platform/endpoints'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandboxServer()
})
afterAll(() => sandbox.close())

describe('the sandbox serves the contract', () => {
  it('has a route for every declared endpoint', async () => {
    const missing: string[] = []
    for (const [name, endpoint] of Object.entries(endpoints) as [string, EndpointDef][]) {
      const params = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'x1']))
      const response = await fetch(`${sandbox.url}${buildPath(endpoint.path, params)}`, {
        method: endpoint.method,
        headers: endpoint.request ? { 'content-type': 'application/json' } : {},
        body: endpoint.method === 'GET' ? undefined : '{}'
      })
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } }
      if (response.status === 404 && body.error?.message === 'No such endpoint.') missing.push(name)
    }
    expect(missing).toEqual([])
  })

  it('checks every answer against the declared response schema, so a route that drifts fails the tests', async () => {
    const app = new Hono<{ Bindings: HttpBindings }>()
    const drifting = { ...platformRoutes, me: () => ({ body: { user: { id: 1 }, clients: 'none' } }) } as unknown as RouteTable
    registerRoutes(app, sandbox.sandbox, drifting, { validateResponses: true })
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect((await app.request('/api/me')).status).toBe(500)
    silenced.mockRestore()
    const lenient = new Hono<{ Bindings: HttpBindings }>()
    registerRoutes(lenient, sandbox.sandbox, drifting, { validateResponses: false })
    expect((await lenient.request('/api/me')).status).toBe(200)
  })
})
