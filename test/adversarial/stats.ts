import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** What the adversarial suite counts; summary.ts adds the files up and prints the line. */
export interface AdversarialStats {
  inputs: number
  faults: number
  crashes: number
  unhandledRejections: number
  duplicateWrites: number
  secretsFound: number
  peakRssMb: number
}

export const STATS_DIR = resolve(import.meta.dirname, '..', '..', 'node_modules', '.adversarial-stats')

export function newStats(): AdversarialStats {
  return { inputs: 0, faults: 0, crashes: 0, unhandledRejections: 0, duplicateWrites: 0, secretsFound: 0, peakRssMb: 0 }
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
