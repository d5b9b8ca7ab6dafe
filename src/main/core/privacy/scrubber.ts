/**
 * The one scrubber for text that leaves the app for people to read — the log file, the renderer's
 * error reports, the diagnostics export. Log fields are kept out by structure first: a field is
 * written only if the personal-data policy declares it safe (storage/personal-data-policy.ts).
 * Text — a message, a safe field's value, what the platform or the renderer said — is then decoded
 * as far as it goes (HTML entities, \x and \u escapes, URL-encoding however often it was applied,
 * JSON nested in strings, base64 runs) and secrets (tokens, codes, passwords) and personal data
 * (e-mail addresses, phone numbers, the borrower names the session knows) are masked.
 */
import { logFieldClass } from '../storage/personal-data-policy'
import type { KnownPersonalValues } from './known-personal-values'

const SECRET_PATTERNS = [
  /\b(?:at|rt)_[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g
]

/** Tokens only: for server text the user is shown (their own words may name their own e-mail). */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text)
}

// ── Decoding: what an encoding hides is found before the patterns look ──

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", commat: '@', period: '.', colon: ':', equals: '=', plus: '+', nbsp: ' ', percnt: '%', num: '#', sol: '/', lowbar: '_', hyphen: '-', dash: '-' }

function fromCodePoint(code: number, original: string): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : original
}

/** One layer of every encoding this knows; the same text when there is none. */
function decodeOnce(text: string): string {
  return text
    // Escaped backslashes and quotes first: JSON inside a string writes \u003a as \\u003a.
    .replace(/\\(["'/\\])/g, '$1')
    .replace(/&#x([0-9a-f]{1,6});?/gi, (m, hex: string) => fromCodePoint(Number.parseInt(hex, 16), m))
    .replace(/&#(\d{1,7});?/g, (m, dec: string) => fromCodePoint(Number.parseInt(dec, 10), m))
    .replace(/&([a-z]+);/gi, (m, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? m)
    .replace(/\\u\{([0-9a-f]{1,6})\}|\\u([0-9a-f]{4})/gi, (m, braced: string | undefined, four: string | undefined) => fromCodePoint(Number.parseInt(braced ?? four ?? '', 16), m))
    .replace(/\\x([0-9a-f]{2})/gi, (m, hex: string) => fromCodePoint(Number.parseInt(hex, 16), m))
    .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      }
    })
}

/** Decoded until nothing changes (at most a few layers: `%2540` is two). */
export function decodeLayers(text: string): string {
  let current = text
  for (let layer = 0; layer < 5; layer++) {
    const next = decodeOnce(current)
    if (next === current) break
    current = next
  }
  return current
}

// ── The patterns, over decoded text ──

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g
// A separator between a phone number's groups; digits must be grouped, so order and loan numbers stay.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g
// The names that carry secrets, in query strings, JSON (either quote), assignments and prose.
const SECRET_NAMES = String.raw`(?:reset[_ -]?code|verification[_ -]?code|code|otp|pin|access[_-]?token|refresh[_-]?token|token|password|passwd|secret|api[_-]?key)`
const SECRET_QUOTED = new RegExp(String.raw`(["'])(${SECRET_NAMES})\1(\s*:\s*)(["'])(?:(?!\4)[^\\]|\\.)*\4`, 'gi')
const SECRET_ASSIGNED = new RegExp(String.raw`\b(${SECRET_NAMES})(\s*[:=]\s*)(?!\[redacted\])[^\s&"',;}\]]+`, 'gi')
/** "the password is F#Kw*6!S7": the word after "is", whatever it holds (a sentence's last stop aside). */
const SECRET_PROSE_IS = new RegExp(String.raw`\b(${SECRET_NAMES})(\s+(?:is|was)\s+)(?!\[redacted\])\S+?(?=[.,;!?]?(?:\s|$))`, 'gi')
/** "reset code 9F3KQ2": a name, then a word that has a digit in it. */
const SECRET_PROSE = new RegExp(String.raw`\b(${SECRET_NAMES})(\s+)(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{4,}\b`, 'gi')

function maskPatterns(text: string): string {
  return redactSecrets(text)
    .replace(SECRET_QUOTED, '$1$2$1$3$4[redacted]$4')
    .replace(SECRET_ASSIGNED, '$1$2[redacted]')
    .replace(SECRET_PROSE_IS, '$1$2[redacted]')
    .replace(SECRET_PROSE, '$1$2[redacted]')
    .replace(EMAIL, '[e-mail]')
    .replace(PHONE, '[phone]')
}

/** Base64 (and base64url) runs long enough to hide an address or a secret. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g

/** A base64 run is replaced whole when what it decodes to is text with something to mask. */
function maskBase64(text: string, mask: (decoded: string) => string): string {
  return text.replace(BASE64_RUN, (run) => {
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
    // Control characters or U+FFFD: bytes, not text — nothing a person reads to mask.
    // eslint-disable-next-line no-control-regex
    if (decoded.length < 4 || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded)) return run
    return mask(decodeLayers(decoded)) === decodeLayers(decoded) ? run : '[redacted]'
  })
}

/** Masks secrets and personal data in text, whatever encoding hides them. Idempotent. */
export function scrub(text: string, known?: KnownPersonalValues | null): string {
  const mask = (value: string) => {
    const masked = maskPatterns(value)
    return known ? known.mask(masked) : masked
  }
  return mask(maskBase64(decodeLayers(text), mask))
}

/**
 * A log record's fields as text: a field the policy declares safe is written, its value scrubbed
 * as text (nested JSON included); a secret one as [redacted]; any other — personal, or simply not
 * declared — as [withheld], before a pattern ever sees it.
 */
export function scrubFields(fields: Record<string, unknown> | undefined, known?: KnownPersonalValues | null): string {
  if (!fields) return ''
  const written = Object.entries(fields).map(([key, value]) => {
    const kind = logFieldClass(key)
    if (kind === 'secret') return [key, '[redacted]']
    if (kind !== 'safe') return [key, '[withheld]']
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return [key, value]
    return [key, scrub(typeof value === 'string' ? value : JSON.stringify(value), known)]
  })
  return JSON.stringify(Object.fromEntries(written))
}
