import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** What the adversarial suite counts; summary.ts adds the files up and prints the line. */
export interface AdversarialStats {
  inputs: number
  /** Requests that met a fault (counted by the sandbox as it applies one, not when a test arms it). */
  faultsTriggered: number
  modelRuns: number
  modelSteps: number
  /** Runs of the interleaving suite, and the changes that overlapped in them. */
  interleavedRuns: number
  overlappingSteps: number
  /** Unhandled exceptions and rejections at the process level, plus the dispatcher's internal errors. */
  crashes: number
  unhandledRejections: number
  duplicateWrites: number
  lostActions: number
  crossAccountLeaks: number
  repeatedNotifications: number
  secretsFound: number
  peakRssMb: number
}

export const STATS_DIR = resolve(import.meta.dirname, '..', '..', 'node_modules', '.adversarial-stats')

export function newStats(): AdversarialStats {
  return {
    inputs: 0,
    faultsTriggered: 0,
    modelRuns: 0,
    modelSteps: 0,
    interleavedRuns: 0,
    overlappingSteps: 0,
    crashes: 0,
    unhandledRejections: 0,
    duplicateWrites: 0,
    lostActions: 0,
    crossAccountLeaks: 0,
    repeatedNotifications: 0,
    secretsFound: 0,
    peakRssMb: 0
  }
}

export function saveStats(name: string, stats: AdversarialStats): void {
  mkdirSync(STATS_DIR, { recursive: true })
  writeFileSync(join(STATS_DIR, `${name}.json`), JSON.stringify(stats))
}

/** Samples the process's resident memory while the suite runs. */
export function watchMemory(stats: AdversarialStats): () => void {
  const sample = () => (stats.peakRssMb = Math.max(stats.peakRssMb, Math.round(process.memoryUsage().rss / 1024 / 1024)))
  sample()
  const timer = setInterval(sample, 25)
  return () => {
    clearInterval(timer)
    sample()
  }
}

/**
 * Counts what crashes at the process level while the suite runs: an exception nobody caught is a
 * crash, a rejection nobody handled is counted apart (and as a crash: both would be in the app).
 */
export function watchProcess(stats: AdversarialStats): () => void {
  const onRejection = () => {
    stats.unhandledRejections++
    stats.crashes++
  }
  const onException = () => void stats.crashes++
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)
  return () => {
    process.off('unhandledRejection', onRejection)
    process.off('uncaughtException', onException)
  }
}

/** The dispatcher's internal errors (a handler that threw something unexpected), as it logs them. */
export const internalErrorsIn = (logs: readonly string[]) => logs.filter((line) => /handler failed|handler returned a value outside the contract/.test(line)).length
