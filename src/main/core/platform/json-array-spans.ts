/**
 * Where each element of one array member of a JSON object lies in the answer's bytes — found
 * without decoding or parsing the answer. For a page whose elements mostly came before: an element
 * whose bytes are the same as last time need not be decoded, parsed or checked again, and the
 * answer never becomes one large string (over 128 KB, V8 allocates and frees it in pages of its
 * own, which costs more than decoding it).
 *
 * This only finds boundaries: it does not check that what lies between them is JSON. The caller
 * parses each element it has not seen before, and `rest` (the object without the array's elements).
 * The bytes are UTF-8; every byte of a multi-byte character is ≥ 0x80, so none is taken for a quote,
 * bracket, comma or colon.
 */

export interface ArraySpans {
  /** Start and end (exclusive) of each element, in pairs: element i is `[spans[2i], spans[2i + 1])`. */
  spans: Int32Array
  /** The object as text, its array emptied (`"items":[]`): to be parsed for the other members. */
  rest: string
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const WHITESPACE = new Uint8Array(256)
for (const byte of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[byte] = 1

const skipWhitespace = (bytes: Uint8Array, at: number) => {
  while (at < bytes.length && WHITESPACE[bytes[at] as number] === 1) at++
  return at
}

/** The end (exclusive) of the string whose opening quote is at `at`, or -1 if it never closes. */
function stringEnd(bytes: Uint8Array, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === QUOTE) return i + 1
    if (byte === BACKSLASH) i++
  }
  return -1
}

/** The end (exclusive, whitespace after it left out) of the value starting at `at`: up to the comma or closing bracket at its own depth. -1 if the brackets never balance. */
function valueEnd(bytes: Uint8Array, at: number): number {
  let depth = 0
  let end = at
  for (let i = at; i < bytes.length; i++) {
    const byte = bytes[i] as number
    if (byte === QUOTE) {
      const closed = stringEnd(bytes, i)
      if (closed < 0) return -1
      i = closed - 1
      end = closed
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++
      end = i + 1
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth === 0) return end
      depth--
      end = i + 1
    } else if (byte === COMMA && depth === 0) {
      return end
    } else if (WHITESPACE[byte] !== 1) {
      end = i + 1
    }
  }
  return depth === 0 ? end : -1
}

/**
 * The elements of the array under `key` in the top-level object `bytes` holds — or null when the
 * answer is not laid out plainly enough to be sure: not an object, the key missing, present twice,
 * not an array, or any key of the object written with an escape (JSON.parse would read `"\u0069tems"`
 * as `items`). The caller then parses the answer whole, as any other.
 */
export function arraySpans(bytes: Buffer, key: string): ArraySpans | null {
  const wanted = Buffer.from(JSON.stringify(key))
  let at = skipWhitespace(bytes, 0)
  if (bytes[at] !== OPEN_OBJECT) return null
  at = skipWhitespace(bytes, at + 1)
  let found: { open: number; close: number; spans: number[] } | null = null
  while (bytes[at] !== CLOSE_OBJECT) {
    if (bytes[at] !== QUOTE) return null
    const keyEnd = stringEnd(bytes, at)
    if (keyEnd < 0 || bytes.subarray(at, keyEnd).includes(BACKSLASH)) return null
    const isWanted = keyEnd - at === wanted.length && bytes.compare(wanted, 0, wanted.length, at, keyEnd) === 0
    at = skipWhitespace(bytes, keyEnd)
    if (bytes[at] !== COLON) return null
    at = skipWhitespace(bytes, at + 1)
    if (isWanted) {
      if (found || bytes[at] !== OPEN_ARRAY) return null
      const open = at
      const spans: number[] = []
      at = skipWhitespace(bytes, at + 1)
      while (bytes[at] !== CLOSE_ARRAY) {
        const end = valueEnd(bytes, at)
        if (end <= at) return null
        spans.push(at, end)
        at = skipWhitespace(bytes, end)
        if (bytes[at] === COMMA) {
          at = skipWhitespace(bytes, at + 1)
          // `[1,]` is not JSON, and the parsing of `rest` would not see that comma.
          if (bytes[at] === CLOSE_ARRAY) return null
        } else if (bytes[at] !== CLOSE_ARRAY) return null
      }
      found = { open, close: at, spans }
      at = skipWhitespace(bytes, at + 1)
    } else {
      const end = valueEnd(bytes, at)
      if (end <= at) return null
      at = skipWhitespace(bytes, end)
    }
    if (bytes[at] === COMMA) at = skipWhitespace(bytes, at + 1)
    else if (bytes[at] !== CLOSE_OBJECT) return null
  }
  if (!found) return null
  const rest = bytes.toString('utf8', 0, found.open + 1) + bytes.toString('utf8', found.close)
  return { spans: Int32Array.from(found.spans), rest }
}
