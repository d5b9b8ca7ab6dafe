import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../src/main/core/links/external-links'
import { originOf } from '../../src/main/core/ipc/sender-policy'
import { redactSecrets as redact } from '../../src/main/core/privacy/scrubber'
import { refreshLeadMs } from '../../src/main/core/session/auth-session'
import { protectionLevel } from '../../src/main/core/storage/personal-data-policy'
import { buildPath } from '../../src/platform/endpoints'

describe('small rules', () => {
  it('opens only web and mail links externally', () => {
    expect(isSafeExternalUrl('https://omnivms.com/help')).toBe(true)
    expect(isSafeExternalUrl('mailto:support@omnivms.com')).toBe(true)
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@host/', 'nonsense']) {
      expect(isSafeExternalUrl(bad)).toBe(false)
    }
  })

  it('derives origins for custom schemes, which URL.origin reports as "null"', () => {
    expect(originOf('app://omnivms/index.html#/x')).toBe('app://omnivms')
    expect(originOf('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173')
    expect(originOf('about:blank')).toBeNull()
  })

  it('refreshes a fifth of the lifetime early, between 1 and 60 seconds', () => {
    expect(refreshLeadMs(300_000)).toBe(60_000)
    expect(refreshLeadMs(100_000)).toBe(20_000)
    expect(refreshLeadMs(2_000)).toBe(1_000)
  })

  it('counts basic_text as weak and a missing backend as unavailable', () => {
    expect(protectionLevel('gnome_libsecret', true)).toBe('encrypted')
    expect(protectionLevel('basic_text', true)).toBe('weak')
    expect(protectionLevel('keychain', false)).toBe('unavailable')
  })

  it('percent-encodes path parameters so an id cannot change the path', () => {
    expect(buildPath('/api/clients/{clientId}/orders', { clientId: '../admin?x=1' })).toBe('/api/clients/%2E%2E%2Fadmin%3Fx%3D1/orders')
    expect(new URL(buildPath('/api/clients/{clientId}/vendor-history', { clientId: 'a.b' }), 'https://api.omnivms.com').pathname).toBe('/api/clients/a%2Eb/vendor-history')
  })

  it('masks anything that looks like a token in log text', () => {
    expect(redact('Authorization: Bearer abc.def-123 at_ABCDEFGHIJKL rt_ZYXWVUTSRQ')).toBe('Authorization: [redacted] [redacted] [redacted]')
  })
})

describe('the platform contract document', () => {
  it('lists every endpoint the app calls, marking the assumed ones', async () => {
    const { readFileSync } = await import('node:fs')
    const { endpoints } = await import('../../src/platform/endpoints')
    const doc = readFileSync(new URL('../../docs/platform-contract.md', import.meta.url), 'utf8')
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| ${name} |`))
      expect(row, `docs/platform-contract.md has no row for ${name}`).toBeDefined()
      expect(row).toContain(`| ${endpoint.method} | \`${endpoint.path}\` |`)
      if (!endpoint.documented) expect(row).toContain('**assumed**')
    }
  })
})
