/**
 * The platform's answers recorded once from a real sandbox and replayed from memory, so a bench
 * can time main's own work on a sync with the network and the server taken out. The order-list
 * pages are replayed as a conditional server would answer them: 304 when the If-None-Match names
 * the page as it is now, else the page with its ETag. Each page has states ('base', and any named
 * later), so a bench can flip one order back and forth as many times as it samples.
 */
import { performance } from 'node:perf_hooks'
import type { HttpFetch } from '../../src/main/core/ports'

interface Answer {
  status: number
  headers: [string, string][]
  body: Uint8Array | null
}
interface Page {
  etag: string
  body: Uint8Array
}

const isOrderPage = (url: string) => /\/orders\?/.test(url)
const headerOf = (init: RequestInit, name: string): string | undefined => (init.headers as Record<string, string> | undefined)?.[name]

export class ReplayedPlatform {
  private readonly answers = new Map<string, Answer>()
  private readonly pages = new Map<string, Map<string, Page>>([['base', new Map()]])
  private recordingState = 'base'
  private state = 'base'
  /** Replayed requests (each a call main made). */
  requests = 0
  /** Time spent answering them (building the responses): the fetch's share, for the bench to take out. */
  spentMs = 0

  /** A fetch that goes to the real server and keeps what it answered, as `state`. */
  recorder(real: HttpFetch): HttpFetch {
    return async (url, init) => {
      const response = await real(url, init)
      const body = response.status === 304 ? null : new Uint8Array(await response.arrayBuffer())
      const headers = [...response.headers.entries()]
      if (isOrderPage(url) && response.status === 200 && body) {
        const pages = this.pages.get(this.recordingState) ?? new Map<string, Page>()
        this.pages.set(this.recordingState, pages)
        pages.set(url, { etag: response.headers.get('etag') ?? '', body })
      } else if (!isOrderPage(url)) {
        this.answers.set(`${init.method ?? 'GET'} ${url}`, { status: response.status, headers, body })
      }
      return new Response(body, { status: response.status, headers })
    }
  }

  /** What the recorder hears from now on is the state of that name. */
  recordAs(state: string): void {
    this.recordingState = state
  }

  /** The replay answers from this state (pages it lacks come from 'base'). */
  use(state: string): void {
    if (!this.pages.has(state)) throw new Error(`no recorded state "${state}"`)
    this.state = state
  }

  /** Bytes of answers held in memory (counted in this process's RSS). */
  bytesHeld(): number {
    let bytes = 0
    for (const pages of this.pages.values()) for (const page of pages.values()) bytes += page.body.byteLength
    for (const answer of this.answers.values()) bytes += answer.body?.byteLength ?? 0
    return bytes
  }

  /** The recording as JSON (bodies in base64), to hand from the process that recorded it to the one that measures. */
  serialize(): string {
    const b64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('base64') : null)
    return JSON.stringify({
      answers: [...this.answers].map(([key, a]) => [key, { ...a, body: b64(a.body) }]),
      pages: [...this.pages].map(([state, pages]) => [state, [...pages].map(([url, p]) => [url, { etag: p.etag, body: b64(p.body) }])])
    })
  }

  static deserialize(text: string): ReplayedPlatform {
    type Stored = { answers: [string, { status: number; headers: [string, string][]; body: string | null }][]; pages: [string, [string, { etag: string; body: string }][]][] }
    const stored = JSON.parse(text) as Stored
    const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'))
    const replayed = new ReplayedPlatform()
    for (const [key, a] of stored.answers) replayed.answers.set(key, { ...a, body: a.body === null ? null : bytes(a.body) })
    for (const [state, pages] of stored.pages) replayed.pages.set(state, new Map(pages.map(([url, p]) => [url, { etag: p.etag, body: bytes(p.body) }])))
    return replayed
  }

  /** A fetch answered from the recording only; anything not recorded is an error, not a silent pass. */
  replay(): HttpFetch {
    return async (url, init) => {
      const started = performance.now()
      try {
        return this.answer(url, init)
      } finally {
        this.requests++
        this.spentMs += performance.now() - started
      }
    }
  }

  private answer(url: string, init: RequestInit): Response {
    if (isOrderPage(url)) {
      const page = this.pages.get(this.state)?.get(url) ?? this.pages.get('base')?.get(url)
      if (!page) throw new Error(`not recorded: the page ${url}`)
      if (headerOf(init, 'if-none-match') === page.etag) return new Response(null, { status: 304, headers: { etag: page.etag } })
      return new Response(page.body.slice(), { status: 200, headers: { 'content-type': 'application/json', etag: page.etag } })
    }
    const answer = this.answers.get(`${init.method ?? 'GET'} ${url}`)
    if (!answer) throw new Error(`not recorded: ${init.method ?? 'GET'} ${url}`)
    return new Response(answer.body?.slice() ?? null, { status: answer.status, headers: answer.headers })
  }
}
