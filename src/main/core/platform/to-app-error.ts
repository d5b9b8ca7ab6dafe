/** Turns any failure into an error the window may show, by the platform's error guide. */
import type { EndpointName } from '../../../platform/endpoints'
import { AppError, MESSAGES } from '../errors'
import { PlatformError } from './platform-error'

type Subject = 'order' | 'clientOrders' | 'payments' | 'document' | 'account'

/** What each call is about, so a 403 or 404 says the right thing (a payments 403 is not "this order"). */
const SUBJECT_OF: Partial<Record<EndpointName, Subject>> = {
  me: 'account',
  listClientOrders: 'clientOrders',
  getOrder: 'order',
  getVendorHistory: 'order',
  updateOrderStatus: 'order',
  listInspectionSlots: 'order',
  listSubmissions: 'order',
  createSubmission: 'order',
  uploadSubmissionFile: 'order',
  submitSubmission: 'order',
  listRevisions: 'order',
  listDocuments: 'order',
  downloadDocument: 'document',
  listVendorPayments: 'payments'
}

const FORBIDDEN: Record<Subject, string> = {
  order: "You don't have access to this order any more. It may belong to a client you no longer work for.",
  clientOrders: "You no longer have access to this client's orders.",
  payments: "You no longer have access to this client's payments.",
  document: 'This document is no longer shared with you.',
  account: "Your account can't be read with this sign-in. Sign out and sign in again."
}

const NOT_FOUND: Record<Subject, string> = {
  order: MESSAGES.notFound,
  clientOrders: "This client's orders are not available to you.",
  payments: 'Payments from this client are not available to you.',
  document: 'This document is no longer shared with you.',
  account: "Your account can't be found. Sign out and sign in again."
}

export const secondsUntil = (ms: number | null, fallbackMs = 5_000) => Math.max(1, Math.ceil((ms ?? fallbackMs) / 1000))

/** Turns any failure into an error the renderer may show, following the platform's error guide. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (!(error instanceof PlatformError)) return new AppError('internal', MESSAGES.internal)
  const f = error.failure
  const subject = error.endpoint ? SUBJECT_OF[error.endpoint] : undefined
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
      if (f.status === 403) return new AppError('forbidden', subject ? FORBIDDEN[subject] : MESSAGES.forbidden)
      if (f.status === 404) return new AppError('not_found', subject ? NOT_FOUND[subject] : MESSAGES.notFound)
      if (f.status === 409) return new AppError('conflict', server ?? MESSAGES.conflict)
      if (f.status === 400 || f.status === 422) {
        return new AppError('validation', server ?? 'OmniValVMS could not accept this. Check the details and try again.')
      }
      if (f.status === 429) return new AppError('rate_limited', `The platform asked us to slow down; try again in ${secondsUntil(f.retryAfterMs)} s.`)
      // Another 4xx is the platform refusing, not failing: said as what it is, never as "try again".
      if (f.status < 500) return new AppError('refused', withReference(`The platform refused this (HTTP ${f.status})${server ? `: ${server}` : '.'} Trying again won't change that; contact support if you think it should work.`))
      return new AppError('server_error', withReference(`OmniValVMS had a problem (error ${f.status}). Try again in a moment.`))
    }
  }
}
