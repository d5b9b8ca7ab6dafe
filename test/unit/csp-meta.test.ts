import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

/** The pages carry the header's policy as a meta tag too (a scanner and a reviewer read it there); they must not drift apart. */
describe('the CSP meta tag', () => {
  for (const page of ['index.html', 'crashed.html']) {
    it(`${page} states the same policy main sends as a header (less frame-ancestors, which works only as a header)`, () => {
      const html = readFileSync(resolve(import.meta.dirname, '../../src/renderer', page), 'utf8')
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
      const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))
      expect(meta?.split('; ')).toEqual(header)
    })
  }
})
