import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { STATS_DIR, newStats, type AdversarialStats } from './stats'

/** Vitest global setup: clears the counters before the suite, prints the summary line after it. */
export default function setup(): () => void {
  rmSync(STATS_DIR, { recursive: true, force: true })
  return () => {
    const total = newStats()
    let files: string[] = []
    try {
      files = readdirSync(STATS_DIR)
    } catch {
      // no file wrote stats: the line below says 0 inputs
    }
    for (const file of files) {
      const stats = JSON.parse(readFileSync(join(STATS_DIR, file), 'utf8')) as AdversarialStats
      for (const key of Object.keys(total) as (keyof AdversarialStats)[]) {
        total[key] = key === 'peakRssMb' ? Math.max(total[key], stats[key]) : total[key] + (stats[key] ?? 0)
      }
    }
    const stepsPerRun = total.modelRuns === 0 ? 0 : Math.round(total.modelSteps / total.modelRuns)
    const overlapping = total.interleavedRuns === 0 ? 0 : Math.round((total.overlappingSteps / total.interleavedRuns) * 10) / 10
    console.log(
      `adversarial: ${total.inputs} inputs, ${total.faultsTriggered} faults triggered, ${total.modelRuns} model runs × ${stepsPerRun} steps, ${total.interleavedRuns} interleaved runs × ${overlapping} overlapping changes, ${total.crashes} crashes, ${total.unhandledRejections} unhandled rejections, ${total.duplicateWrites} duplicate writes, ${total.lostActions} lost actions, ${total.crossAccountLeaks} cross-account leaks, ${total.repeatedNotifications} repeated notifications, ${total.secretsFound} secrets found, peak RSS ${total.peakRssMb} MB`
    )
  }
}
