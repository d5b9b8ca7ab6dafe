import { PlatformErrorBodySchema } from '../../../platform/schemas'
import {
  buildPath,
  endpoints,
  type EndpointName,
  type PathParams,
  type RequestBody,
  type ResponseBody
} from '../../../platform/endpoints'
import type { HttpFetch, Logger } from '../ports'
import { PlatformError } from './platform-error'

export type CallArgs<N extends EndpointName> = {
  params?: PathParams<N>
  query?: Record<string, string | number>
  body?: RequestBody<N>
  accessToken?: string
}

const MAX_SERVER_MESSAGE = 300

/**
 * Speaks the platform contract over HTTP: builds the request from the endpoint declaration,
 * parses the response at the boundary and turns every failure into a PlatformError. Knows
 * nothing about sessions; callers pass the access token.
 */
export class PlatformClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: HttpFetch,
    private readonly logger: Logger,
    private readonly timeoutMs = 30_000
  ) {}

  async call<N extends EndpointName>(name: N, args: CallArgs<N> = {}): Promise<ResponseBody<N>> {
    const endpoint = endpoints[name]
    const url = new URL(buildPath(endpoint.path, (args.params ?? {}) as Record<string, string>), this.baseUrl)
    for (const [key, value] of Object.entries(args.query ?? {})) url.searchParams.set(key, String(value))
    const headers: Record<string, string> = { accept: 'application/json' }
    if (endpoint.auth === 'bearer') {
      if (!args.accessToken) throw new Error(`${name} needs an access token`)
      headers.authorization = `Bearer ${args.accessToken}`
    }
    let body: string | undefined
    if (endpoint.request) {
      body = JSON.stringify(endpoint.request.parse(args.body))
      headers['content-type'] = 'application/json'
    }

    const started = Date.now()
    let response: Response
    try {
      response = await this.fetchImpl(url.toString(), {
        method: endpoint.method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs)
      })
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      this.logger.warn('platform request failed', { endpoint: name, error: timedOut ? 'timeout' : String(error) })
      throw new PlatformError(timedOut ? { kind: 'timeout' } : { kind: 'network', detail: String(error) })
    }
    this.logger.info('platform request', { endpoint: name, method: endpoint.method, status: response.status, ms: Date.now() - started })

    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new PlatformError({ kind: 'network', detail: `response body lost: ${String(error)}` })
    }
    if (!response.ok) throw new PlatformError(parseFailure(response, text))
    if (!endpoint.response) return null as ResponseBody<N>
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new PlatformError({ kind: 'bad_response', detail: `${name}: body is not JSON` })
    }
    const parsed = endpoint.response.safeParse(json)
    if (!parsed.success) {
      const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ')
      throw new PlatformError({ kind: 'bad_response', detail: `${name}: unexpected shape at ${where}` })
    }
    return parsed.data as ResponseBody<N>
  }
}

function parseFailure(response: Response, text: string) {
  let code: string | null = null
  let message: string | null = null
  let correlationId: string | null = response.headers.get('x-correlation-id')
  try {
    const body = PlatformErrorBodySchema.safeParse(JSON.parse(text))
    if (body.success) {
      const err = body.data.error
      if (typeof err === 'string') message = err
      else if (err) {
        code = err.code ?? null
        message = err.message ?? null
      }
      message ??= body.data.message ?? body.data.title ?? null
      correlationId ??= body.data.correlationId ?? null
    }
  } catch {
    // Not JSON: the status code alone decides.
  }
  return {
    kind: 'http' as const,
    status: response.status,
    code,
    serverMessage: message ? message.slice(0, MAX_SERVER_MESSAGE) : null,
    correlationId
  }
}
