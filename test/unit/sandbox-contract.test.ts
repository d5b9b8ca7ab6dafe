import { Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { platformRoutes } from '../../src/sandbox/platform-routes'
import { registerRoutes, type RouteTable } from '../../src/sandbox/routes'
import { buildPath, endpoints, type EndpointDef } from '../../src/platform/endpoints'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandboxServer()
})
afterAll(() => sandbox.close())

describe('the sandbox serves the contract', () => {
  it('answers every declared endpoint as declared: its method and path, its authentication, its role and its body', async () => {
    const signIn = async (account: { email: string; password: string }) =>
      ((await (await fetch(`${sandbox.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) })).json()) as { accessToken: string }).accessToken
    const clientUser = await signIn(DEMO_ACCOUNTS.clientUser)
    const answers: Record<string, number> = {}
    const expected: Record<string, number> = {}
    for (const [name, endpoint] of Object.entries(endpoints) as [string, EndpointDef][]) {
      const params = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], m[1] === 'clientId' ? 'cl-lakeshore' : 'x1']))
      const url = `${sandbox.url}${buildPath(endpoint.path, params)}`
      const send = (headers: Record<string, string>, method: string = endpoint.method) =>
        fetch(url, { method, headers: { ...(endpoint.request ? { 'content-type': 'application/json' } : {}), ...headers }, body: endpoint.request && method !== 'GET' ? '{}' : undefined }).then((r) => r.status)
      // The same path with a method no endpoint declares is no route at all.
      answers[`${name}: undeclared method`] = await send({}, 'PATCH')
      expected[`${name}: undeclared method`] = 404
      if (endpoint.auth === 'bearer') {
        answers[`${name}: no token`] = await send({})
        expected[`${name}: no token`] = 401
        if (endpoint.vendorOnly) {
          answers[`${name}: a Client User`] = await send({ authorization: `Bearer ${clientUser}` })
          expected[`${name}: a Client User`] = 403
        }
      } else {
        // An open endpoint reads its declared body: an empty one lacks its data (422); one that is not JSON is malformed (400).
        answers[`${name}: empty body`] = await send({})
        expected[`${name}: empty body`] = 422
        answers[`${name}: not JSON`] = await fetch(url, { method: endpoint.method, headers: { 'content-type': 'application/json' }, body: '{' }).then((r) => r.status)
        expected[`${name}: not JSON`] = 400
      }
    }
    expect(answers).toEqual(expected)
  })

  it('checks every answer against the declared response schema, so a route that drifts fails the tests', async () => {
    const signedIn = () => ({ authorization: `Bearer ${sandbox.sandbox.auth.signIn(DEMO_ACCOUNTS.vendor.email, DEMO_ACCOUNTS.vendor.password).accessToken}` })
    const app = new Hono<{ Bindings: HttpBindings }>()
    const drifting = { ...platformRoutes, me: () => ({ body: { user: { id: 1 }, clients: 'none' } }) } as unknown as RouteTable
    registerRoutes(app, sandbox.sandbox, drifting, { validateResponses: true })
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect((await app.request('/api/me', { headers: signedIn() })).status).toBe(500)
    silenced.mockRestore()
    const lenient = new Hono<{ Bindings: HttpBindings }>()
    registerRoutes(lenient, sandbox.sandbox, drifting, { validateResponses: false })
    expect((await lenient.request('/api/me', { headers: signedIn() })).status).toBe(200)
  })
})
