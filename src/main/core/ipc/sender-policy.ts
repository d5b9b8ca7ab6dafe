/** Where an IPC message came from, as the host reports it. */
export interface SenderInfo {
  url: string
  isMainFrame: boolean
}

/**
 * scheme://host of a URL. WHATWG `URL.origin` is "null" for custom schemes such as app://,
 * so the origin is composed by hand.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (!parsed.host) return null
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** Trusts only the app's own main frame at one of the given origins. */
export function createSenderPolicy(trustedOrigins: readonly string[]) {
  const allowed = new Set(trustedOrigins.map((o) => originOf(o)).filter((o): o is string => o !== null))
  return (sender: SenderInfo): boolean => {
    if (!sender.isMainFrame) return false
    const origin = originOf(sender.url)
    return origin !== null && allowed.has(origin)
  }
}
