import { PlatformErrorBodySchema } from '../../../platform/schemas'
import {
  buildPath,
  type EndpointDef,
  endpoints,
  type EndpointName,
  type PathParams,
  type RequestBody,
  type ResponseBody
} from '../../../platform/endpoints'
import type { HttpFetch, Logger } from '../ports'
import { PlatformError } from './platform-error'
import { ProxyAuthRequiredError } from '../net/system-fetch'
import type { RequestJournal } from './request-journal'

/** Raw bytes for a 'binary' endpoint; `open` is called once per attempt. */
export interface RawBody {
  open(): ReadableStream<Uint8Array>
  length: number
  contentType: string
}

export type CallArgs<N extends EndpointName> = {
  params?: PathParams<N>
  query?: Record<string, string | number>
  body?: RequestBody<N>
  rawBody?: RawBody
  accessToken?: string
  signal?: AbortSignal
}

/** Transfers get time in proportion to their size (at least 100 KB/s), never less than the default. */
const transferTimeout = (base: number, bytes: number) => Math.max(base, Math.ceil(bytes / 100_000) * 1000)

const MAX_SERVER_MESSAGE = 300

/**
 * Speaks the platform contract over HTTP: builds the request from the endpoint declaration,
 * parses the response at the boundary and turns every failure into a PlatformError. Knows
 * nothing about sessions; callers pass the access token.
 */
export interface PlatformClientOptions {
  fetch: HttpFetch
  logger: Logger
  /** Where each request is noted for diagnostics (path template, status, duration, correlation id). */
  journal?: RequestJournal
  timeoutMs?: number
}

export class PlatformClient {
  private readonly fetchImpl: HttpFetch
  private readonly logger: Logger
  private readonly timeoutMs: number

  constructor(
    readonly baseUrl: string,
    private readonly options: PlatformClientOptions
  ) {
    this.fetchImpl = options.fetch
    this.logger = options.logger
    this.timeoutMs = options.timeoutMs ?? 30_000
  }

  async call<N extends EndpointName>(name: N, args: CallArgs<N> = {}): Promise<ResponseBody<N>> {
    const endpoint = endpoints[name]
    const { response, text } = await this.send(name, args, true)
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
      throw new PlatformError({ kind: 'bad_response', detail: `${name}: unexpected shape at ${where} (HTTP ${response.status})` })
    }
    return parsed.data as ResponseBody<N>
  }

  /** For 'download' endpoints: the successful response, its body not yet read. */
  async open<N extends EndpointName>(name: N, args: CallArgs<N> = {}): Promise<Response> {
    return (await this.send(name, args, false)).response
  }

  private async send<N extends EndpointName>(name: N, args: CallArgs<N>, readBody: boolean): Promise<{ response: Response; text: string }> {
    const endpoint: EndpointDef = endpoints[name]
    const url = new URL(buildPath(endpoint.path, (args.params ?? {}) as Record<string, string>), this.baseUrl)
    for (const [key, value] of Object.entries(args.query ?? {})) url.searchParams.set(key, String(value))
    const headers: Record<string, string> = { accept: 'application/json' }
    if (endpoint.auth === 'bearer') {
      if (!args.accessToken) throw new Error(`${name} needs an access token`)
      headers.authorization = `Bearer ${args.accessToken}`
    }
    let body: string | ReadableStream<Uint8Array> | undefined
    let timeoutMs = this.timeoutMs
    if (endpoint.request) {
      body = JSON.stringify(endpoint.request.parse(args.body))
      headers['content-type'] = 'application/json'
    } else if (args.rawBody) {
      body = args.rawBody.open()
      headers['content-type'] = args.rawBody.contentType
      headers['content-length'] = String(args.rawBody.length)
      timeoutMs = transferTimeout(this.timeoutMs, args.rawBody.length)
    }
    const timeout = AbortSignal.timeout(endpoint.transfer === 'download' ? 10 * 60_000 : timeoutMs)
    const signal = args.signal ? AbortSignal.any([timeout, args.signal]) : timeout

    const started = Date.now()
    const note = (outcome: string, correlationId: string | null = null) =>
      this.options.journal?.record({ at: new Date(started).toISOString(), method: endpoint.method, path: endpoint.path, outcome, durationMs: Date.now() - started, correlationId })
    let response: Response
    try {
      response = await this.fetchImpl(url.toString(), {
        method: endpoint.method,
        headers,
        body,
        redirect: 'error',
        signal,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {})
      } as RequestInit)
    } catch (error) {
      if (args.signal?.aborted) throw new PlatformError({ kind: 'cancelled' })
      if (error instanceof ProxyAuthRequiredError) {
        note('proxy authentication required')
        throw new PlatformError({ kind: 'proxy_auth' })
      }
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      note(timedOut ? 'timeout' : 'network error')
      this.logger.warn('platform request failed', { endpoint: name, error: timedOut ? 'timeout' : String(error) })
      throw new PlatformError(timedOut ? { kind: 'timeout' } : { kind: 'network', detail: String(error) })
    }
    this.logger.info('platform request', { endpoint: name, method: endpoint.method, status: response.status, ms: Date.now() - started })
    if (response.ok) note(String(response.status), response.headers.get('x-correlation-id'))
    if (response.ok && !readBody) return { response, text: '' }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new PlatformError({ kind: 'network', detail: `response body lost: ${String(error)}` })
    }
    if (!response.ok) {
      const failure = parseFailure(response, text)
      note(String(response.status), failure.correlationId)
      throw new PlatformError(failure)
    }
    return { response, text }
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
