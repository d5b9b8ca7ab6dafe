/** The window's access to main (window.omnivms) and how its errors are read and retried. */
import type { AppErrorShape, ErrorCode, Result } from '../../../shared/ipc/result'

export const api = () => window.omnivms

/** A failed call, with the stable code and the safe message main sent. */
export class BridgeError extends Error {
  readonly code: ErrorCode
  constructor(error: AppErrorShape) {
    super(error.message)
    this.code = error.code
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new BridgeError(result.error)
  return result.value
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.'
}

const RETRYABLE: readonly ErrorCode[] = ['offline', 'server_error', 'rate_limited']

/** Retry transient failures twice; never retry "not allowed", "not found" or a signed-out session. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof BridgeError && RETRYABLE.includes(error.code) && failureCount < 2
}
