/** setTimeout's largest delay; anything longer fires at once (a storm), so delays are capped. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** A delay setTimeout takes as meant: whole milliseconds, never negative, never past its limit. */
export const timerDelay = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)))
