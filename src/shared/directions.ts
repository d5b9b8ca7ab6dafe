/** The link that opens directions to a property in the user's maps (opened through main's external-link policy). */
export function directionsUrl(address: { line1: string; city: string; state: string; zip: string }): string {
  const destination = `${address.line1}, ${address.city}, ${address.state} ${address.zip}`
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`
}
