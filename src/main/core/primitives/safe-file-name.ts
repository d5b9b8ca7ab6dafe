/**
 * Every name from outside (a document's name from the platform, an order number, a date) becomes a
 * file name through this one function before it touches the disk or a save dialog: the last path
 * segment only; no control or bidirectional-override characters; none of the characters Windows
 * forbids; not a name Windows reserves (CON, NUL, COM1…, with any extension); no trailing dots or
 * spaces, no leading dots; at most 180 UTF-8 bytes, its extension kept. The same rules on every OS,
 * so a file saved on one can be copied to another.
 */
export type SafeFileName = string & { readonly __safeFileName: unique symbol }

const MAX_BYTES = 180
const MAX_EXTENSION = 16
/** Characters Windows refuses in a name, and the C0/C1 controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g
/** Characters that change how a name reads without being seen (bidirectional overrides, zero widths). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character. */
function cut(text: string, max: number): string {
  let out = ''
  for (const char of text) {
    if (bytes(out + char) > max) break
    out += char
  }
  return out
}

export function safeFileName(name: string, fallback = 'download'): SafeFileName {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  let clean = lastSegment.replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()
  clean = clean.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  const dot = clean.lastIndexOf('.')
  let stem = dot > 0 ? clean.slice(0, dot) : clean
  let extension = dot > 0 ? clean.slice(dot) : ''
  if (extension.length > MAX_EXTENSION + 1) {
    stem = clean
    extension = ''
  }
  // CON.txt opens the console on Windows as surely as CON does: the stem is what counts.
  const firstPart = stem.split('.')[0] ?? ''
  if (RESERVED.test(firstPart.trim())) stem = `_${stem}`
  stem = cut(stem, MAX_BYTES - bytes(extension)).replace(/[.\s]+$/, '')
  if (stem === '' || stem === '_') return safeFileName(fallback === name ? 'download' : fallback, 'download')
  return `${stem}${extension}` as SafeFileName
}
