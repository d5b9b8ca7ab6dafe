import { describe, expect, it } from 'vitest'
import { MAX_SHOWN_MAIL_BODY, describeExternalLink, openExternalLink } from '../../src/main/core/links/external-links'
import type { LinkConfirmation } from '../../src/main/core/ports'

/** Links leaving the app: our help pages open at once; anything else shows where it goes and asks first. */
function opener(answer: boolean) {
  const opened: string[] = []
  const asked: { kind: string; target: string }[] = []
  return {
    opened,
    asked,
    open: async (url: string) => {
      opened.push(url)
    },
    confirm: async (link: LinkConfirmation) => {
      asked.push({ kind: link.kind, target: link.target })
      return answer
    }
  }
}

describe('opening a link outside the app', () => {
  it('opens our own https help pages without asking', async () => {
    const o = opener(false)
    expect(await openExternalLink('https://help.omnivms.com/desktop/sign-in', o)).toBe(true)
    expect(o.asked).toEqual([])
    expect(o.opened).toEqual(['https://help.omnivms.com/desktop/sign-in'])
  })

  it('asks first, showing where it goes, for an http link, a mailto link and any other site', async () => {
    const yes = opener(true)
    await openExternalLink('http://help.omnivms.com/desktop', yes)
    await openExternalLink('mailto:support%40omnivms.com', yes)
    await openExternalLink('https://omnivms.com.attacker.example/help', yes)
    expect(yes.asked).toEqual([
      { kind: 'web', target: 'http://help.omnivms.com/desktop' },
      { kind: 'mail', target: 'support@omnivms.com' },
      { kind: 'web', target: 'https://omnivms.com.attacker.example/help' }
    ])
    expect(yes.opened).toHaveLength(3)
  })

  it('opens nothing when the user says no, and never asks about a link that is not web or e-mail', async () => {
    const no = opener(false)
    expect(await openExternalLink('http://example.com/', no)).toBe(false)
    expect(await openExternalLink('file:///etc/passwd', no)).toBe(false)
    expect(await openExternalLink('javascript:alert(1)', no)).toBe(false)
    expect(no.opened).toEqual([])
    expect(no.asked).toHaveLength(1)
  })
})

describe('a mailto link', () => {
  it('shows every part that reaches the mail client — to, cc, bcc, subject, body — and opens only those', async () => {
    const link = describeExternalLink('mailto:support@omnivms.com?bcc=collector%40evil.example&cc=a%40b.co&subject=Order%20OV-1&body=Hello%0Athere&x-header=sneaky')
    expect(link.detail).toBe('To: support@omnivms.com\nCc: a@b.co\nBcc (hidden from the others): collector@evil.example\nSubject: Order OV-1\nMessage:\nHello\nthere\nLeft out: x-header')
    const opened = new URL(link.url)
    expect(opened.searchParams.get('bcc')).toBe('collector@evil.example')
    expect(opened.searchParams.has('x-header')).toBe(false)
    const o = opener(true)
    await openExternalLink('mailto:support@omnivms.com?bcc=collector%40evil.example&x-header=sneaky', o)
    expect(o.opened).toEqual(['mailto:support%40omnivms.com?bcc=collector%40evil.example'])
  })

  it('leaves out a body too long to show, and says so', () => {
    const link = describeExternalLink(`mailto:x@y.co?body=${'a'.repeat(MAX_SHOWN_MAIL_BODY + 1)}`)
    expect(link.detail).toContain('message text (2,001 characters) is left out')
    expect(new URL(link.url).searchParams.has('body')).toBe(false)
  })

  it('names every recipient, from the address and from to=', () => {
    expect(describeExternalLink('mailto:a@b.co,c@d.co?to=e%40f.co').target).toBe('a@b.co, c@d.co, e@f.co')
  })

  it('a phone number is asked about, and only its digits are dialled; anything else after tel: is refused', async () => {
    const yes = opener(true)
    expect(await openExternalLink('tel:(312)%20555-0142', yes)).toBe(true)
    expect(yes.asked).toEqual([{ kind: 'call', target: '(312) 555-0142' }])
    expect(yes.opened).toEqual(['tel:3125550142'])
    for (const bad of ['tel:312;ext=<script>', 'tel:', 'tel:call-me-maybe']) expect(await openExternalLink(bad, yes)).toBe(false)
    expect(yes.opened).toHaveLength(1)
  })
})
