/**
 * The one scrubber for text that leaves the app for people to read — the log file, the renderer's
 * error reports, the diagnostics export: secrets (tokens, codes, passwords) and personal data
 * (e-mail addresses in any encoding, phone numbers) are masked before a line is written.
 */

const SECRET_PATTERNS = [
  /\b(?:at|rt)_[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g
]

/** Tokens only: for server text the user is shown (their own words may name their own e-mail). */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text)
}

// "@" as it may arrive: plain, percent-encoded (once or twice), as an HTML entity, or escaped in JSON/JS.
const AT = String.raw`(?:@|%40|%2540|&#0*64;|&#x0*40;|&commat;|\\u0040|\\x40)`
const DOT = String.raw`(?:\.|%2e|%252e|&#0*46;|\\u002e)`
const EMAIL = new RegExp(String.raw`[A-Za-z0-9._%+-]{1,64}${AT}[A-Za-z0-9-]{1,63}(?:${DOT}[A-Za-z0-9-]{1,63})*${DOT}[A-Za-z]{2,24}`, 'gi')

// A separator between a phone number's groups, plain or percent-encoded.
const SEP = String.raw`(?:[\s.-]|%20|\+)`
// North American and international shapes; digits must be grouped, so order and loan numbers stay.
const PHONE = new RegExp(String.raw`(?:\+\d{1,3}${SEP}?)?(?:(?:\(|%28)\d{3}(?:\)|%29)${SEP}?|\b\d{3}${SEP})\d{3}${SEP}\d{4}\b`, 'gi')

// key=value and "key": "value" for names that carry secrets, in query strings, JSON and prose.
const SECRET_NAMES = String.raw`(?:code|reset[_-]?code|otp|pin|token|access[_-]?token|refresh[_-]?token|password|passwd|secret|api[_-]?key)`
const SECRET_PARAM = new RegExp(String.raw`\b(${SECRET_NAMES})(=|%3D)[^&\s"'#]+`, 'gi')
const SECRET_JSON = new RegExp(String.raw`("${SECRET_NAMES}"\s*:\s*)"[^"]*"`, 'gi')
const SECRET_PROSE = new RegExp(String.raw`\b(${SECRET_NAMES})(\s*(?:is|:)\s+)([A-Za-z0-9_-]{4,})`, 'gi')

/** Masks secrets and personal data. Idempotent. */
export function scrub(text: string): string {
  return redactSecrets(text)
    .replace(SECRET_PARAM, '$1$2[redacted]')
    .replace(SECRET_JSON, '$1"[redacted]"')
    .replace(SECRET_PROSE, '$1$2[redacted]')
    .replace(EMAIL, '[e-mail]')
    .replace(PHONE, '[phone]')
}

/** Field names whose values are never written, whatever they hold. */
const SECRET_KEYS = /token|password|secret|authorization|cookie|code/i

/** A log record's fields as text, scrubbed. */
export function scrubFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return ''
  const safe = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : value]))
  return scrub(JSON.stringify(safe))
}
