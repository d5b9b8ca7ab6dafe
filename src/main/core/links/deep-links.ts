/** The links the app answers to; every other omnivms:// link is ignored (and logged). */
export type DeepLink = { kind: 'order'; orderNumber: string } | { kind: 'resetPassword'; email: string; code: string }

const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,119}$/
const CODE = /^[A-Za-z0-9]{4,64}$/

/**
 * Parses a link strictly: `omnivms://orders/{orderNumber}` and
 * `omnivms://reset-password?email=…&code=…`, nothing else (no other host, path, parameter,
 * user name, port or fragment). A link never becomes a navigation: it is only ever data.
 */
export function parseDeepLink(raw: string): DeepLink | null {
  // Dot segments are resolved by the URL parser before anything can see them: refuse them outright.
  if (typeof raw !== 'string' || raw.length > 2048 || /\/\.{1,2}(\/|$|\?)|%2e/i.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'omnivms:' || url.username || url.password || url.port || url.hash) return null
  if (url.hostname === 'orders') {
    const parts = url.pathname.split('/').filter(Boolean)
    const orderNumber = parts.length === 1 ? decodedOrEmpty(parts[0] ?? '') : ''
    return url.search === '' && ORDER_NUMBER.test(orderNumber) ? { kind: 'order', orderNumber } : null
  }
  if (url.hostname === 'reset-password' && (url.pathname === '' || url.pathname === '/')) {
    const keys = [...url.searchParams.keys()].sort()
    const email = url.searchParams.get('email') ?? ''
    const code = url.searchParams.get('code') ?? ''
    return keys.join(',') === 'code,email' && EMAIL.test(email) && CODE.test(code) ? { kind: 'resetPassword', email, code } : null
  }
  return null
}

/** Bad percent-encoding (`%E0%A4%A`) is a link the app does not answer to, never an exception. */
function decodedOrEmpty(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return ''
  }
}

const KNOWN_HOSTS = new Set(['orders', 'reset-password'])

/**
 * What may be logged of a link the app ignored: its scheme and the shape of its path — never its
 * query (a reset link carries a live code and an e-mail), never the text of its segments.
 */
export function linkShape(raw: string): string {
  const text = typeof raw === 'string' ? raw : ''
  const scheme = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(text)?.[1]?.toLowerCase() ?? 'unknown'
  const rest = text.slice(scheme.length + 1).replace(/^\/\//, '')
  const [beforeQuery = ''] = rest.split(/[?#]/, 1)
  const [host = '', ...segments] = beforeQuery.split('/')
  const hostShape = KNOWN_HOSTS.has(host.toLowerCase()) ? host.toLowerCase() : host === '' ? '' : '{host}'
  const pathShape = segments.filter((s) => s !== '').map(() => '{segment}')
  const query = /[?#]/.test(rest) ? ' (query or fragment left out)' : ''
  return `${scheme}://${[hostShape, ...pathShape].join('/')}${query}`
}

/** The first omnivms:// link among a process's arguments (Windows and Linux pass links this way). */
export function linkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith('omnivms://')) ?? null
}
