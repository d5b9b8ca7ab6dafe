/** Which links may leave the app for the user's browser or mail client. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:'])

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return EXTERNAL_SCHEMES.has(url.protocol) && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/** Our own help pages: the only links opened without asking. */
const HELP_HOSTS = new Set(['omnivms.com', 'www.omnivms.com', 'help.omnivms.com'])

/** Whether the user must see where a link goes before it leaves the app (Electron's checklist, item 15). */
export function needsConfirmation(raw: string): boolean {
  const url = new URL(raw)
  return !(url.protocol === 'https:' && HELP_HOSTS.has(url.hostname) && url.port === '')
}

/** What a link to be confirmed is, in words the confirmation uses. */
export function describeExternalLink(raw: string): { kind: 'mail' | 'web'; target: string } {
  const url = new URL(raw)
  if (url.protocol !== 'mailto:') return { kind: 'web', target: raw }
  try {
    return { kind: 'mail', target: decodeURIComponent(url.pathname) || raw }
  } catch {
    return { kind: 'mail', target: raw }
  }
}

/**
 * Opens a vetted link, asking first unless it is one of our help pages. False when it was not
 * opened (not a web or e-mail link, or the user said no).
 */
export async function openExternalLink(raw: string, opener: { open(url: string): Promise<void>; confirm(link: { kind: 'mail' | 'web'; target: string; url: string }): Promise<boolean> }): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) return false
  if (needsConfirmation(raw) && !(await opener.confirm({ ...describeExternalLink(raw), url: raw }))) return false
  await opener.open(raw)
  return true
}
