/** Speaks the platform contract over HTTP: builds requests from the declarations, parses answers at the boundary. */
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
import { redactSecrets } from '../privacy/scrubber'
import { ProxyAuthRequiredError } from '../net/system-fetch'
import type { HttpFetch, Logger } from '../ports'
import { PlatformError, type PlatformFailure } from './platform-error'
import type { RequestJournal } from './request-journal'
import { requestDeadline } from './request-deadline'

/** Raw bytes for a 'binary' endpoint; `open` is called once per attempt. */
export interface RawBody {
  open(): ReadableStream<Uint8Array>
  length: number
  contentType: string
}

export type CallArgs<N extends EndpointName> = {
  params?: PathParams<N>
  /** For conditional endpoints: the ETag of the copy the caller holds. */
  ifNoneMatch?: string
  query?: Record<string, string | number>
  body?: RequestBody<N>
  rawBody?: RawBody
  accessToken?: string
  signal?: AbortSignal
}

/**
 * Reads an answer from its bytes (UTF-8 JSON) in place of the endpoint's declared schema, which it
 * must accept no more widely than: for a caller that can reuse the verdict on what it read before.
 * Throws a SyntaxError when the bytes it reads are not JSON.
 */
export type BodyReader<T> = (body: Buffer) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } }

/** A conditional read's outcome: "not modified", or the answer and its ETag. */
export type Conditional<T> = { notModified: true } | { notModified: false; body: T; etag: string | null }

/** Transfers get time in proportion to their size (at least 100 KB/s), never less than the default. */
const transferTimeout = (base: number, bytes: number) => Math.max(base, Math.ceil(bytes / 100_000) * 1000)

const NO_BODY = Buffer.alloc(0)
/** A JSON answer larger than this is refused (early, when content-length says so). */
export const MAX_JSON_BYTES = 20 * 1024 * 1024
/** Server text and correlation ids reach the renderer capped, and redacted like the logs. */
export const MAX_SERVER_TEXT = 300
/** A Retry-After longer than a day is taken as a day (an absurd value must not park the app for weeks). */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000

export interface PlatformClientOptions {
  fetch: HttpFetch
  logger: Logger
  /** Where each request is noted for diagnostics (path template, status, duration, correlation id). */
  journal?: RequestJournal
  timeoutMs?: number
}

/**
 * Speaks the platform contract over HTTP: builds the request from the endpoint declaration,
 * parses the response at the boundary (with a byte cap) and turns every failure into a
 * PlatformError. Knows nothing about sessions; callers pass the access token.
 */
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

  /** The answer, validated by the endpoint's declared schema — or by `read`, which then says what it is. */
  call<N extends EndpointName>(name: N, args?: CallArgs<N>): Promise<ResponseBody<N>>
  call<N extends EndpointName, T>(name: N, args: CallArgs<N>, read: BodyReader<T>): Promise<T>
  async call<N extends EndpointName, T>(name: N, args: CallArgs<N> = {}, read?: BodyReader<T>): Promise<T | ResponseBody<N>> {
    const { response, body } = await this.send(name, args, true)
    return read ? this.parse(name, response, body, read) : this.parse(name, response, body, declaredReader(name))
  }

  private parse<T>(name: EndpointName, response: Response, body: Buffer, read: BodyReader<T> | null): T {
    if (!read) return null as T
    let parsed: ReturnType<BodyReader<T>>
    try {
      parsed = read(body)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      throw new PlatformError({ kind: 'bad_response', detail: `${name}: body is not JSON`, afterSuccess: true }, name)
    }
    if (!parsed.success) {
      const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ')
      throw new PlatformError({ kind: 'bad_response', detail: `${name}: unexpected shape at ${where} (HTTP ${response.status})`, afterSuccess: true }, name)
    }
    return parsed.data
  }

  /**
   * For conditional endpoints: the answer and its ETag, or "not modified" when the platform says the
   * caller's copy (`ifNoneMatch`) is still current.
   */
  callConditional<N extends EndpointName>(name: N, args: CallArgs<N>): Promise<Conditional<ResponseBody<N>>>
  callConditional<N extends EndpointName, T>(name: N, args: CallArgs<N>, read: BodyReader<T>): Promise<Conditional<T>>
  async callConditional<N extends EndpointName, T>(name: N, args: CallArgs<N>, read?: BodyReader<T>): Promise<Conditional<T | ResponseBody<N>>> {
    const { response, body } = await this.send(name, args, true)
    if (response.status === 304) return { notModified: true }
    const answer = read ? this.parse(name, response, body, read) : this.parse(name, response, body, declaredReader(name))
    return { notModified: false, body: answer, etag: response.headers.get('etag') }
  }

  /** For 'download' endpoints: the successful response, its body not yet read. */
  async open<N extends EndpointName>(name: N, args: CallArgs<N> = {}): Promise<Response> {
    return (await this.send(name, args, false)).response
  }

  private async send<N extends EndpointName>(name: N, args: CallArgs<N>, readBody: boolean): Promise<{ response: Response; body: Buffer }> {
    const endpoint: EndpointDef = endpoints[name]
    const url = new URL(buildPath(endpoint.path, (args.params ?? {}) as Record<string, string>), this.baseUrl)
    for (const [key, value] of Object.entries(args.query ?? {})) url.searchParams.set(key, String(value))
    const headers: Record<string, string> = { accept: 'application/json' }
    if (args.ifNoneMatch && endpoint.conditional) headers['if-none-match'] = args.ifNoneMatch
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
    const deadline = requestDeadline(endpoint.transfer === 'download' ? 10 * 60_000 : timeoutMs, args.signal)
    const { signal } = deadline
    // A response handed over unread keeps its deadline while the caller reads it; otherwise it ends here.
    let handedOver = false
    try {
      const started = Date.now()
      const note = (outcome: string, correlationId: string | null = null) =>
        this.options.journal?.record({ at: new Date(started).toISOString(), method: endpoint.method, path: endpoint.path, outcome, durationMs: Date.now() - started, correlationId })
      const fail = (failure: PlatformFailure) => new PlatformError(failure, name)
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
        if (args.signal?.aborted) throw fail({ kind: 'cancelled' })
        if (error instanceof ProxyAuthRequiredError) {
          note('proxy authentication required')
          throw fail({ kind: 'proxy_auth' })
        }
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
        note(timedOut ? 'timeout' : 'network error')
        this.logger.warn('platform request failed', { endpoint: name, error: timedOut ? 'timeout' : String(error) })
        throw fail(timedOut ? { kind: 'timeout' } : { kind: 'network', detail: String(error) })
      }
      // A 304 is "nothing new": the journal has it, the log would only fill up with a line per page per poll.
      if (response.status !== 304) this.logger.info('platform request', { endpoint: name, method: endpoint.method, status: response.status, ms: Date.now() - started })
      if (response.ok || response.status === 304) note(String(response.status), safeText(response.headers.get('x-correlation-id')))
      if (response.status === 304 && endpoint.conditional) return { response, body: NO_BODY }
      if (response.ok && !readBody) {
        handedOver = true
        return { response, body: NO_BODY }
      }
      let answer: Buffer
      try {
        answer = await readBytesCapped(response, MAX_JSON_BYTES)
      } catch (error) {
        if (error instanceof PlatformError) throw fail({ ...error.failure, ...(error.failure.kind === 'bad_response' ? { afterSuccess: response.ok } : {}) } as PlatformFailure)
        if (args.signal?.aborted) throw fail({ kind: 'cancelled' })
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
        throw fail(timedOut ? { kind: 'timeout' } : { kind: 'network', detail: `response body lost: ${String(error)}` })
      }
      if (!response.ok) {
        const failure = parseFailure(response, answer.toString('utf8'))
        note(String(response.status), failure.correlationId)
        throw fail(failure)
      }
      return { response, body: answer }
    } finally {
      if (!handedOver) deadline.end()
    }
  }
}

/** The endpoint's declared response schema as a reader (null for an endpoint that answers no body). */
function declaredReader<N extends EndpointName>(name: N): BodyReader<ResponseBody<N>> | null {
  const schema = endpoints[name].response
  return schema ? (body) => schema.safeParse(JSON.parse(body.toString('utf8'))) as ReturnType<BodyReader<ResponseBody<N>>> : null
}

/** The body's bytes, refusing more than `maxBytes` — early when content-length says so, else while reading. */
export async function readBytesCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  const tooLarge = () => new PlatformError({ kind: 'bad_response', detail: `the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, afterSuccess: response.ok })
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge()
  }
  if (!response.body) return NO_BODY
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, received)
}

/** Server-supplied text as the renderer may see it: no control characters, redacted, capped. */
export function safeText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  // eslint-disable-next-line no-control-regex
  const clean = redactSecrets(value.replace(/[\u0000-\u001f\u007f]+/g, ' ')).trim()
  return clean === '' ? null : clean.slice(0, MAX_SERVER_TEXT)
}

/** Retry-After in seconds or as an HTTP date, in ms (capped); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const seconds = Number(header.trim())
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : null
}

function parseFailure(response: Response, text: string): Extract<PlatformFailure, { kind: 'http' }> {
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
    code: code?.slice(0, 64) ?? null,
    serverMessage: safeText(message),
    correlationId: safeText(correlationId),
    retryAfterMs: retryAfterMs(response.headers.get('retry-after'))
  }
}
