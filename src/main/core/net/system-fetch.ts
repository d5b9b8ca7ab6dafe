/** How platform requests leave the app: undici with the proxy the OS names for each URL and its certificates. */
import * as tls from 'node:tls'
import { Agent, ProxyAgent, Socks5ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'
import type { HttpFetch, Logger } from '../ports'

/**
 * How the OS says to reach a URL, in PAC form: "DIRECT", "PROXY host:port; DIRECT", "HTTPS host:port",
 * "SOCKS5 host:port". Electron's session.resolveProxy answers this way for system, PAC, WPAD and
 * manual proxy settings alike.
 */
export type ProxyResolver = (url: string) => Promise<string>

export type ProxyRoute = { kind: 'direct' } | { kind: 'http'; uri: string } | { kind: 'socks'; uri: string }

/** The first usable entry of a PAC answer. */
export function parsePacResult(pac: string): ProxyRoute {
  for (const entry of pac.split(';').map((e) => e.trim()).filter(Boolean)) {
    const [type = '', hostPort = ''] = entry.split(/\s+/)
    switch (type.toUpperCase()) {
      case 'DIRECT':
        return { kind: 'direct' }
      case 'PROXY':
        if (hostPort) return { kind: 'http', uri: `http://${hostPort}` }
        break
      case 'HTTPS':
        if (hostPort) return { kind: 'http', uri: `https://${hostPort}` }
        break
      case 'SOCKS':
      case 'SOCKS5':
        if (hostPort) return { kind: 'socks', uri: `socks5://${hostPort}` }
        break
    }
  }
  return { kind: 'direct' }
}

/** The proxy asked for credentials (407); this app does not hold proxy passwords. */
export class ProxyAuthRequiredError extends Error {
  constructor() {
    super('the proxy server requires authentication (407)')
    this.name = 'ProxyAuthRequiredError'
  }
}

/**
 * The OS certificate store plus Node's bundled roots, where this Node can read the OS store
 * (Node 22.15+, which Electron's main process has). Elsewhere Node's defaults apply.
 */
export function trustedCertificates(): string[] | undefined {
  const read = (tls as { getCACertificates?: (kind: 'system' | 'default') => string[] }).getCACertificates
  try {
    const system = read?.('system') ?? []
    return system.length > 0 && read ? [...read('default'), ...system] : undefined
  } catch {
    return undefined
  }
}

/**
 * Platform calls that honour the system's proxy settings and certificate store: each request asks
 * the resolver how to reach its URL and goes through a pooled undici agent for that route.
 * Bodies stream with backpressure either way (undici pipes the request stream to the socket).
 */
export function createSystemFetch(options: { resolveProxy: ProxyResolver; logger: Logger; ca?: string[] }): HttpFetch {
  const tlsOptions = options.ca ? { ca: options.ca } : {}
  const direct = new Agent({ connect: tlsOptions })
  const agents = new Map<string, Dispatcher>()
  const dispatcherFor = (route: ProxyRoute): Dispatcher => {
    if (route.kind === 'direct') return direct
    let agent = agents.get(route.uri)
    if (!agent) {
      agent = route.kind === 'socks' ? new Socks5ProxyAgent(route.uri) : new ProxyAgent({ uri: route.uri, requestTls: tlsOptions, proxyTls: tlsOptions })
      agents.set(route.uri, agent)
      options.logger.info('using a proxy for platform requests', { proxy: new URL(route.uri).host })
    }
    return agent
  }
  return async (input, init) => {
    const pac = await options.resolveProxy(input).catch(() => 'DIRECT')
    const dispatcher = dispatcherFor(parsePacResult(pac))
    try {
      return (await undiciFetch(input, { ...(init as object), dispatcher })) as unknown as Response
    } catch (error) {
      if (isProxyAuthFailure(error)) throw new ProxyAuthRequiredError()
      throw error
    }
  }
}

/** undici wraps the proxy's 407 a few causes deep (fetch failed ← cancelled ← proxy response). */
function isProxyAuthFailure(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (/\(407\)|Proxy Authentication Required/i.test(current.message)) return true
    current = current.cause
  }
  return false
}
