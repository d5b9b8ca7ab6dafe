import { describe, expect, it } from 'vitest'
import { linkFromArgv, parseDeepLink } from '../../src/main/core/links/deep-links'

describe('deep links', () => {
  it('answers only the two routes, strictly', () => {
    expect(parseDeepLink('omnivms://orders/OV-2026-10061')).toEqual({ kind: 'order', orderNumber: 'OV-2026-10061' })
    expect(parseDeepLink('omnivms://reset-password?email=jordan%40example.com&code=123456')).toEqual({ kind: 'resetPassword', email: 'jordan@example.com', code: '123456' })
    for (const bad of [
      'omnivms://orders/',
      'omnivms://orders/a/b',
      'omnivms://orders/..%2F..',
      'omnivms://orders/../../etc',
      'omnivms://orders/./OV-1',
      'omnivms://orders/OV-1?x=1',
      'omnivms://orders/OV-1#frag',
      'omnivms://user@orders/OV-1',
      'omnivms://orders:80/OV-1',
      'omnivms://settings',
      'omnivms://reset-password?email=a%40b.c',
      'omnivms://reset-password?email=a%40b.c&code=1234&next=https://evil.example',
      'https://orders/OV-1',
      'javascript:alert(1)',
      'not a url',
      `omnivms://orders/${'x'.repeat(3000)}`
    ]) {
      expect(parseDeepLink(bad), bad).toBeNull()
    }
  })

  it('finds a link among the arguments a second instance was started with', () => {
    expect(linkFromArgv(['/opt/app/omnivms-desktop', '--flag', 'omnivms://orders/OV-1'])).toBe('omnivms://orders/OV-1')
    expect(linkFromArgv(['/opt/app/omnivms-desktop'])).toBeNull()
  })
})
