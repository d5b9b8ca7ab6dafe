/** Routes registered from the endpoint declarations: request parsing, auth first, 400 and 422 by their meaning. */
import { createHash } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import type { z } from 'zod'
import { endpoints, routePattern, type EndpointDef, type EndpointName, type PathParams, type ResponseBody } from '../platform/endpoints'
import type { SandboxOrder, SandboxUser } from './model'
import type { Sandbox } from './sandbox'
import { SandboxError } from './sandbox-error'

type Env = { Bindings: HttpBindings }

type RequestOf<N extends EndpointName> = (typeof endpoints)[N]['request'] extends z.ZodType ? z.output<(typeof endpoints)[N]['request']> : undefined
type QueryOf<N extends EndpointName> = (typeof endpoints)[N] extends { query: z.ZodType } ? z.output<(typeof endpoints)[N]['query']> : undefined

/** What a route gets, parsed from the request by the endpoint's declaration. */
export interface RouteContext<N extends EndpointName> {
  params: PathParams<N>
  query: QueryOf<N>
  body: RequestOf<N>
  /** 'binary' endpoints: the raw request body. */
  raw: ReadableStream<Uint8Array> | null
  /** The caller, from the bearer token (401 if missing or expired). */
  user(): SandboxUser
  /** The order named by the path, scoped to the caller (403 / 404). */
  order(): SandboxOrder
}

/** A JSON answer (checked against the declared response schema), or a raw Response for 'download' endpoints. */
export type RouteResult<N extends EndpointName> = { status?: 200 | 201 | 202 | 204; body: ResponseBody<N> } | Response

export type RouteTable = { [N in EndpointName]: (sandbox: Sandbox, ctx: RouteContext<N>) => RouteResult<N> | Promise<RouteResult<N>> }

/**
 * By the docs' meaning, whichever check finds it: a body that is not JSON or not of the request's
 * shape (a field of the wrong type, no request this endpoint takes) is malformed — 400; a field
 * missing, or a value the platform can't use, is missing or invalid domain data — 422.
 */
export function validationError(issues: readonly z.core.$ZodIssue[]): SandboxError {
  // A value of another type than the field takes (a number where a reason's name goes) is malformed; a missing one is not.
  const wrongType = (i: z.core.$ZodIssue) =>
    i.input !== undefined && (i.code === 'invalid_type' || (i.code === 'invalid_value' && i.values.length > 0 && typeof i.input !== typeof i.values[0]))
  const malformed = issues.some((i) => wrongType(i) || i.code === 'invalid_union')
  const text = issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
  return malformed ? new SandboxError(400, 'malformed_request', text) : new SandboxError(422, 'invalid_data', text)
}

/** A JSON body checked against `schema` (400 when malformed, 422 when data is missing or invalid). */
export async function readJson<T extends z.ZodType>(c: Context<Env>, schema: T): Promise<z.output<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new SandboxError(400, 'invalid_json', 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(body, { reportInput: true })
  if (!parsed.success) throw validationError(parsed.error.issues)
  return parsed.data as z.output<T>
}

/**
 * Registers one route per declared endpoint: method, path, query and body parsing all come from
 * src/platform/endpoints.ts. With `validateResponses` (tests), every JSON answer is checked
 * against the declared response schema — a sandbox that drifts from the contract fails loudly.
 */
export function registerRoutes(app: Hono<Env>, sandbox: Sandbox, table: RouteTable, options: { validateResponses: boolean }): void {
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const endpoint: EndpointDef = endpoints[name]
    app.on(endpoint.method, routePattern(endpoint.path), async (c) => {
      const params = c.req.param() as Record<string, string>
      const user = () => {
        const caller = sandbox.auth.authenticate(c.req.header('authorization'))
        if (endpoint.vendorOnly && caller.role !== 'Vendor') throw new SandboxError(403, 'forbidden_role', 'Only vendor accounts can use this.')
        return caller
      }
      // Who asks comes first (401, then 403 for the role), before anything the route reads.
      if (endpoint.auth === 'bearer') user()
      let query: unknown
      if (endpoint.query) {
        const parsed = endpoint.query.safeParse(c.req.query(), { reportInput: true })
        if (!parsed.success) throw validationError(parsed.error.issues)
        query = parsed.data
      }
      const body = endpoint.request ? await readJson(c, endpoint.request) : undefined
      const ctx = {
        params,
        query,
        body,
        raw: endpoint.transfer === 'binary' ? c.req.raw.body : null,
        user,
        order: () => sandbox.orders.find(user(), params.clientId ?? '', params.loanId ?? '', params.orderId ?? '')
      }
      const handler = table[name] as (sandbox: Sandbox, ctx: unknown) => Promise<RouteResult<EndpointName>> | RouteResult<EndpointName>
      const result = await handler(sandbox, ctx)
      if (result instanceof Response) return result
      if (endpoint.response === null) return c.body(null, 204)
      if (endpoint.conditional) {
        const etag = `"${createHash('sha256').update(JSON.stringify(result.body)).digest('base64url').slice(0, 27)}"`
        c.header('etag', etag)
        if (c.req.header('if-none-match') === etag) return c.body(null, 304)
      }
      if (options.validateResponses) {
        const checked = endpoint.response.safeParse(result.body)
        if (!checked.success) {
          console.error(`[sandbox] ${name} answered outside its declared schema`, checked.error.issues.slice(0, 3))
          throw new SandboxError(500, 'response_contract', `${name} answered outside its declared schema.`)
        }
      }
      return c.json(result.body as unknown as object, (result.status ?? 200) as 200)
    })
  }
}
