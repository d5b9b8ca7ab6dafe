/** The link that opens directions to a property in the user's maps (opened through main's external-link policy). */
export const MAPS_PROVIDERS = ['google', 'apple', 'bing', 'openstreetmap'] as const
export type MapsProvider = (typeof MAPS_PROVIDERS)[number]

export const MAPS_PROVIDER_LABELS: Readonly<Record<MapsProvider, string>> = {
  google: 'Google Maps',
  apple: 'Apple Maps',
  bing: 'Bing Maps',
  openstreetmap: 'OpenStreetMap'
}

export function directionsUrl(address: { line1: string; city: string; state: string; zip: string }, provider: MapsProvider = 'google'): string {
  const destination = encodeURIComponent(`${address.line1}, ${address.city}, ${address.state} ${address.zip}`)
  switch (provider) {
    case 'apple':
      // https, so the one link policy opens it: macOS hands maps.apple.com to the Maps app.
      return `https://maps.apple.com/?daddr=${destination}`
    case 'bing':
      return `https://www.bing.com/maps?rtp=~adr.${destination}`
    case 'openstreetmap':
      return `https://www.openstreetmap.org/search?query=${destination}`
    case 'google':
      return `https://www.google.com/maps/dir/?api=1&destination=${destination}`
  }
}
