/** The platform's P0 rule for writes: when the outcome is unclear, read the record again and replay at most once. */
import { AppError } from '../errors'
import { PlatformError } from '../platform/platform-error'
import { toAppError } from '../platform/to-app-error'
import type { Logger } from '../ports'
import { UnauthorizedWrite } from '../primitives/write-outcome'

/**
 * One state-changing call under the platform's P0 rule. When the outcome is unknown — a 401
 * answered by a refresh, a dropped connection, a timeout, a 5xx — the platform's record is read
 * again and the write is replayed only if the change is not there; at most once.
 */
export interface ReconciledWrite<Baseline, Result> {
  /** What the record looks like before the write (e.g. the history's entry ids). */
  baseline(): Promise<Baseline>
  send(): Promise<Result>
  /** Reads the record again; the result if the write is in it, otherwise null. */
  findApplied(baseline: Baseline): Promise<Result | null>
  describe: string
}

export async function performReconciledWrite<B, R>(write: ReconciledWrite<B, R>, logger: Logger): Promise<{ result: R; confirmedFromHistory: boolean }> {
  const baseline = await readOrFail(() => write.baseline())
  try {
    return { result: await write.send(), confirmedFromHistory: false }
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw toAppError(error)
    logger.warn('write outcome unknown; reconciling', { write: write.describe, reason: describeFailure(error) })
  }
  const applied = await readOrFail(() => write.findApplied(baseline))
  if (applied !== null) {
    logger.info('write was already applied; not replaying', { write: write.describe })
    return { result: applied, confirmedFromHistory: true }
  }
  logger.info('write was not applied; replaying once', { write: write.describe })
  try {
    return { result: await write.send(), confirmedFromHistory: true }
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw toAppError(error)
  }
  const second = await readOrFail(() => write.findApplied(baseline))
  if (second !== null) return { result: second, confirmedFromHistory: true }
  throw new AppError(
    'outcome_unknown',
    "OmniValVMS didn't confirm this change and it isn't in the order's history. Nothing was sent twice — check your connection and try again."
  )
}

function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof UnauthorizedWrite || (error instanceof PlatformError && error.outcomeUnknown)
}

function describeFailure(error: unknown): string {
  return error instanceof UnauthorizedWrite ? 'unauthorized (refreshed)' : error instanceof Error ? error.message : 'unknown'
}

async function readOrFail<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    throw toAppError(error)
  }
}
