/** When to renew an access token: the lead before expiry, the spacing between refreshes, a timer's limits. */
import type { TokenResponse } from '../../../platform/schemas'

/** A server's token lifetime is taken within these bounds, whatever it says (0.001 s or 1,000 hours). */
export const MIN_TOKEN_LIFETIME_MS = 30_000
export const MAX_TOKEN_LIFETIME_MS = 24 * 60 * 60_000
/** Proactive, wake-up and retry refreshes are never closer than this; only a 401 may demand one sooner. */
export const MIN_REFRESH_SPACING_MS = 10_000

export interface TokenSet {
  accessToken: string
  accessTokenExpiresAt: number
  refreshToken: string
}

export const clampLifetimeMs = (expiresInSeconds: number) =>
  Math.min(MAX_TOKEN_LIFETIME_MS, Math.max(MIN_TOKEN_LIFETIME_MS, Number.isFinite(expiresInSeconds) ? expiresInSeconds * 1000 : MIN_TOKEN_LIFETIME_MS))

export function tokensFrom(response: TokenResponse, now: number): TokenSet {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    accessTokenExpiresAt: now + clampLifetimeMs(response.expiresIn)
  }
}

/** Refresh this long before expiry: a fifth of the lifetime, between 1 s and 60 s. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor(lifetimeMs * 0.2)))
}
