import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { arraySpans } from '../../src/main/core/platform/json-array-spans'
import { newStats, saveStats } from './stats'

/**
 * The order pages are read by boundaries, not parsed whole: an answer the platform (or anyone in
 * between) sends must read exactly as JSON.parse reads it — or be refused. Checked on well-formed
 * answers in any layout, and on answers broken by a character or two in any place.
 */

const stats = newStats()
afterAll(() => saveStats('json-array-spans', stats))

/** What the reader makes of an answer from its spans: the object, its array put back; or "refused" where it would be. */
function readBySpans(text: string): unknown {
  stats.inputs++
  const bytes = Buffer.from(text)
  const found = arraySpans(bytes, 'items')
  if (!found) return 'whole'
  try {
    const rest = JSON.parse(found.rest) as Record<string, unknown>
    const items: unknown[] = []
    for (let i = 0; i < found.spans.length; i += 2) items.push(JSON.parse(bytes.toString('utf8', found.spans[i], found.spans[i + 1])))
    return { ...rest, items }
  } catch {
    return 'refused'
  }
}

const parsedWhole = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return 'refused'
  }
}

const page = fc.record({
  items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }),
  page: fc.integer(),
  total: fc.jsonValue({ maxDepth: 2 }),
  // A member whose text looks like the array's start, to be told from it.
  note: fc.oneof(fc.string(), fc.constantFrom('{"items":[', '"items":[1,2]}', '\\"items\\":[', ']}'))
})
const layout = fc.oneof(fc.constant(undefined), fc.constantFrom(1, 2, '\t', ' \r\n '))
const KEY_ORDERS = [['items', 'page', 'total', 'note'], ['total', 'note', 'items', 'page'], ['page', 'total', 'note', 'items']] as const

describe('finding the orders in an answer by their boundaries', () => {
  it('reads any well-formed page, in any layout and key order, as JSON.parse does', () => {
    fc.assert(
      fc.property(page, layout, fc.constantFrom(...KEY_ORDERS), (value, space, order) => {
        const text = JSON.stringify(Object.fromEntries(order.map((key) => [key, value[key]])), null, space)
        expect(readBySpans(text)).toEqual(JSON.parse(text))
      }),
      { numRuns: 400 }
    )
  })

  it('never accepts a broken answer JSON.parse refuses, nor reads one differently', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 2 }), insert: fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', 'x', '"items":[1]', '\\u0069') })
    fc.assert(
      fc.property(page, layout, fc.array(edit, { minLength: 1, maxLength: 3 }), (value, space, edits) => {
        let text = JSON.stringify(value, null, space)
        for (const { at, remove, insert } of edits) {
          const where = at % (text.length + 1)
          text = text.slice(0, where) + insert + text.slice(where + remove)
        }
        const bySpans = readBySpans(text)
        // Not laid out plainly: the reader parses the whole answer, which is JSON.parse by definition.
        if (bySpans === 'whole') return
        expect(bySpans).toEqual(parsedWhole(text))
      }),
      { numRuns: 3000 }
    )
  })

  it('hands over a page not laid out plainly to be parsed whole', () => {
    for (const text of [
      '[{"items":[]}]',
      '{"page":1}',
      '{"items":[1],"items":[2]}',
      '{"\\u0069tems":[1]}',
      '{"items":{"a":1}}',
      '{"items":[1,]}',
      '{"items":[,1]}',
      '{"items":[1 }',
      '{"items":["unclosed]}',
      '{"items":[1]',
      ''
    ]) {
      expect(arraySpans(Buffer.from(text), 'items'), text).toBeNull()
    }
  })

  it('finds strings holding brackets, quotes and escapes whole, and multi-byte characters untouched', () => {
    const items = ['a]b', 'q"}{"', 'back\\slash\\', { 'k]': ['é', '日本', '🏠'] }, [[[]]], null, -1.5e3]
    const text = `{ "items" : [ ${items.map((item) => JSON.stringify(item)).join(' ,\n')} ] , "page" : 2 }`
    const bytes = Buffer.from(text)
    const found = arraySpans(bytes, 'items')
    if (!found) throw new Error('a plain page was not read by its boundaries')
    const read = Array.from({ length: found.spans.length / 2 }, (_, i) => bytes.toString('utf8', found.spans[2 * i], found.spans[2 * i + 1]))
    expect(read).toEqual(items.map((item) => JSON.stringify(item)))
    expect(JSON.parse(found.rest)).toEqual({ items: [], page: 2 })
  })
})
