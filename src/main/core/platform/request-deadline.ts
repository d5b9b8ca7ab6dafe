/**
 * One request's abort signal: its own deadline (aborting with a TimeoutError, as AbortSignal.timeout
 * does) joined to the caller's signal. A plain controller and timer cost a few microseconds where
 * AbortSignal.timeout + AbortSignal.any cost ~25 (a sync sends a request per page); `end()` clears both.
 */
export interface RequestDeadline {
  signal: AbortSignal
  /** The request is over (its body read): the timer and the listener go. */
  end(): void
}

export function requestDeadline(timeoutMs: number, outer?: AbortSignal): RequestDeadline {
  const controller = new AbortController()
  if (outer?.aborted) controller.abort(outer.reason)
  const onOuterAbort = () => controller.abort(outer?.reason)
  outer?.addEventListener('abort', onOuterAbort, { once: true })
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs)
  // Like AbortSignal.timeout: a deadline alone never keeps the process running.
  timer.unref?.()
  return {
    signal: controller.signal,
    end() {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onOuterAbort)
    }
  }
}
