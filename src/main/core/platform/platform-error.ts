/** How a platform call can fail (HTTP status, network, timeout, unreadable answer), classified. */
import type { EndpointName } from '../../../platform/endpoints'

/** Why a platform call failed, classified the way the platform's error guide asks clients to. */
export type PlatformFailure =
  | { kind: 'http'; status: number; code: string | null; serverMessage: string | null; correlationId: string | null; retryAfterMs: number | null }
  /** No answer: DNS, refused, reset, TLS, or the connection dropped after the request was sent. */
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' }
  /** An answer that doesn't fit the contract. `afterSuccess`: it came with a 2xx, so a write may have been applied. */
  | { kind: 'bad_response'; detail: string; afterSuccess: boolean }
  /** The user cancelled it. */
  | { kind: 'cancelled' }
  /** The network's proxy server asked for credentials (407). */
  | { kind: 'proxy_auth' }

export class PlatformError extends Error {
  constructor(
    readonly failure: PlatformFailure,
    /** Which call failed, so the message can fit it (a payments 403 is not an order's). */
    readonly endpoint: EndpointName | null = null
  ) {
    super(describe(failure))
    this.name = 'PlatformError'
  }

  get status(): number | null {
    return this.failure.kind === 'http' ? this.failure.status : null
  }

  /** True when we cannot know whether the server applied the request. */
  get outcomeUnknown(): boolean {
    const f = this.failure
    return f.kind === 'network' || f.kind === 'timeout' || (f.kind === 'http' && f.status >= 500) || (f.kind === 'bad_response' && f.afterSuccess)
  }

  get isConnectivity(): boolean {
    return this.failure.kind === 'network' || this.failure.kind === 'timeout'
  }

  get isRateLimited(): boolean {
    return this.failure.kind === 'http' && this.failure.status === 429
  }
}

function describe(f: PlatformFailure): string {
  switch (f.kind) {
    case 'http':
      return `HTTP ${f.status}${f.code ? ` ${f.code}` : ''}`
    case 'network':
      return `network error: ${f.detail}`
    case 'timeout':
      return 'request timed out'
    case 'bad_response':
      return `unexpected response: ${f.detail}`
    case 'cancelled':
      return 'cancelled'
    case 'proxy_auth':
      return 'the proxy server requires authentication'
  }
}
