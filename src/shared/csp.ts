/**
 * The renderer's Content-Security-Policy. The renderer opens no network connections of its
 * own (connect-src 'none'): every platform call goes through the main process.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

/** The app's own origin in Electron: content is served from the built files over app://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'omnivms'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
