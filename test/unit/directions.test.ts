import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../src/main/core/links/external-links'
import { MAPS_PROVIDERS, directionsUrl } from '../../src/shared/directions'
import { AppSettingsSchema } from '../../src/shared/ipc/app-schemas'

/** Directions to a property, in the maps the user chose, through the one external-link policy. */
describe('directions', () => {
  const address = { line1: '1418 Prairie View Dr #2', city: 'Naperville', state: 'IL', zip: '60540' }

  it('each provider gets the whole address, encoded, over https the link policy lets out', () => {
    const hosts = MAPS_PROVIDERS.map((provider) => {
      const url = directionsUrl(address, provider)
      expect(isSafeExternalUrl(url), provider).toBe(true)
      expect(decodeURIComponent(url)).toContain('1418 Prairie View Dr #2, Naperville, IL 60540')
      return new URL(url).hostname
    })
    expect(hosts).toEqual(['www.google.com', 'maps.apple.com', 'www.bing.com', 'www.openstreetmap.org'])
  })

  it('an address cannot add to the link: a # or & stays part of the destination', () => {
    const url = new URL(directionsUrl({ ...address, line1: '5 Elm St&api=evil#x' }, 'google'))
    expect(url.hash).toBe('')
    expect(url.searchParams.get('destination')).toBe('5 Elm St&api=evil#x, Naperville, IL 60540')
  })

  it('Google Maps unless Settings says otherwise, for settings saved before the choice existed too', () => {
    expect(AppSettingsSchema.parse({}).maps.provider).toBe('google')
  })
})
