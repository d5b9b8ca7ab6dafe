/** Which links may leave the app for the user's browser or mail client. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:'])

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return EXTERNAL_SCHEMES.has(url.protocol) && url.username === '' && url.password === ''
  } catch {
    return false
  }
}
