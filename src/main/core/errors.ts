/** The errors main hands the window: a stable code and a message safe to show. */
import type { ErrorCode } from '../../shared/ipc/result'

/** An error whose code and message are safe to hand to the renderer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const MESSAGES = {
  offline: "Can't reach OmniValVMS — check your connection and try again.",
  notSignedIn: 'You are signed out. Sign in to continue.',
  sessionEnded: 'Your session has ended. Sign in again to continue — nothing you typed was lost.',
  invalidCredentials: "That e-mail and password don't match.",
  forbidden: "You don't have access to this. It may belong to a client you no longer work for.",
  notFound: 'This order is no longer available to you.',
  conflict: 'This order changed in the meantime. The current state is shown.',
  rateLimited: 'OmniValVMS is busy. Wait a moment and try again.',
  badResponse: "OmniValVMS sent a response this app doesn't understand. Try again, or contact support if it continues.",
  internal: 'Something went wrong in the app. Try again.',
  proxyAuth:
    "Your network's proxy server asks for a sign-in before it lets OmniValVMS through, and this app can't answer it. Ask your IT team to allow api.omnivms.com through the proxy without a sign-in."
} as const
