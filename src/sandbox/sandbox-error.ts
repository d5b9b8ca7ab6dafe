/** A refusal the sandbox answers as the platform would: an HTTP status, a stable code and a message. */
export class SandboxError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 421 | 422 | 429 | 500,
    readonly code: string,
    message: string,
    /** Sent as Retry-After (429). */
    readonly retryAfterSeconds?: number
  ) {
    super(message)
  }
}
