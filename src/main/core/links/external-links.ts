/** Which links may leave the app for the user's browser or mail client. */
import type { ExternalOpener, LinkConfirmation } from '../ports'
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:'])

/** A phone number as a tel: link carries it: digits, a leading +, spaces, dots, dashes and brackets. */
const TEL_NUMBER = /^\+?[\d\s().-]{3,30}$/

/** Percent-decoded, or as it is when it does not decode (a stray %). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    if (url.protocol === 'tel:') return TEL_NUMBER.test(decoded(url.pathname))
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

/** A mail body longer than this is not shown, so it is left out of the mail too. */
export const MAX_SHOWN_MAIL_BODY = 2_000
const MAIL_PARTS = ['cc', 'bcc', 'subject', 'body'] as const

function mailConfirmation(raw: string, url: URL): LinkConfirmation {
  const addresses = (list: string) => list.split(',').map((a) => a.trim()).filter(Boolean)
  const to = [...addresses(decoded(url.pathname)), ...url.searchParams.getAll('to').flatMap(addresses)]
  const cc = url.searchParams.getAll('cc').flatMap(addresses)
  const bcc = url.searchParams.getAll('bcc').flatMap(addresses)
  const subject = url.searchParams.get('subject') ?? ''
  let body = url.searchParams.get('body') ?? ''
  const lines = [`To: ${to.join(', ') || '(nobody)'}`]
  if (cc.length > 0) lines.push(`Cc: ${cc.join(', ')}`)
  if (bcc.length > 0) lines.push(`Bcc (hidden from the others): ${bcc.join(', ')}`)
  if (subject) lines.push(`Subject: ${subject}`)
  if (body.length > MAX_SHOWN_MAIL_BODY) {
    lines.push(`The link's message text (${body.length.toLocaleString('en-US')} characters) is left out; write your own.`)
    body = ''
  } else if (body) lines.push(`Message:\n${body}`)
  const dropped = [...url.searchParams.keys()].filter((key) => key !== 'to' && !(MAIL_PARTS as readonly string[]).includes(key.toLowerCase()))
  if (dropped.length > 0) lines.push(`Left out: ${[...new Set(dropped)].join(', ')}`)
  const query = new URLSearchParams()
  if (cc.length > 0) query.set('cc', cc.join(','))
  if (bcc.length > 0) query.set('bcc', bcc.join(','))
  if (subject) query.set('subject', subject)
  if (body) query.set('body', body)
  const rebuilt = `mailto:${to.map(encodeURIComponent).join(',')}${query.size > 0 ? `?${query.toString().replace(/\+/g, '%20')}` : ''}`
  return { kind: 'mail', target: to.join(', ') || raw, url: rebuilt, message: 'Write this e-mail in your mail app?', detail: lines.join('\n'), confirmLabel: 'Write e-mail' }
}

/** What a link to be confirmed is, in the words the confirmation uses. */
export function describeExternalLink(raw: string): LinkConfirmation {
  const url = new URL(raw)
  if (url.protocol === 'mailto:') return mailConfirmation(raw, url)
  if (url.protocol === 'tel:') {
    // Only the number is dialled: rebuilt from its digits (and a leading +), nothing else passes.
    const number = decoded(url.pathname)
    const dialled = `tel:${number.replace(/[^\d+]/g, '')}`
    return { kind: 'call', target: number, url: dialled, message: 'Call this number?', detail: number, confirmLabel: 'Call' }
  }
  return { kind: 'web', target: raw, url: raw, message: 'Open this link in your browser?', detail: raw, confirmLabel: 'Open in browser' }
}

/**
 * Opens a vetted link, asking first unless it is one of our help pages. False when it was not
 * opened (not a web or e-mail link, or the user said no).
 */
export async function openExternalLink(raw: string, opener: ExternalOpener): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) return false
  if (!needsConfirmation(raw)) {
    await opener.open(raw)
    return true
  }
  const link = describeExternalLink(raw)
  if (!(await opener.confirm(link))) return false
  await opener.open(link.url)
  return true
}
