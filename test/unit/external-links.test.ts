import { describe, expect, it } from 'vitest'
import { openExternalLink } from '../../src/main/core/links/external-links'

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
    confirm: async (link: { kind: 'mail' | 'web'; target: string; url: string }) => {
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
