import { AppError, MESSAGES } from '../errors'
import { PlatformError } from './platform-error'

/** Turns any failure into an error the renderer may show, following the platform's error guide. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (!(error instanceof PlatformError)) return new AppError('internal', MESSAGES.internal)
  const f = error.failure
  switch (f.kind) {
    case 'network':
    case 'timeout':
      return new AppError('offline', MESSAGES.offline)
    case 'bad_response':
      return new AppError('bad_response', MESSAGES.badResponse)
    case 'cancelled':
      return new AppError('cancelled', 'Cancelled.')
    case 'proxy_auth':
      return new AppError('proxy_auth_required', MESSAGES.proxyAuth)
    case 'http': {
      const server = f.serverMessage
      const withReference = (text: string) => (f.correlationId ? `${text} (reference ${f.correlationId})` : text)
      if (f.status === 401) return new AppError('session_ended', MESSAGES.sessionEnded)
      if (f.status === 403) return new AppError('forbidden', MESSAGES.forbidden)
      if (f.status === 404) return new AppError('not_found', MESSAGES.notFound)
      if (f.status === 409) return new AppError('conflict', server ?? MESSAGES.conflict)
      if (f.status === 400 || f.status === 422) {
        return new AppError('validation', server ?? 'OmniValVMS could not accept this. Check the details and try again.')
      }
      if (f.status === 429) return new AppError('rate_limited', MESSAGES.rateLimited)
      return new AppError('server_error', withReference(`OmniValVMS had a problem (error ${f.status}). Try again in a moment.`))
    }
  }
}
