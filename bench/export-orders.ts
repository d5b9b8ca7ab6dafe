/**
 * "Export…" of every order (default 50,000) to CSV: how long the export takes and how long the main
 * process's event loop is held at a stretch while it runs — what the user feels as a window that
 * stops answering (IPC waits on that loop). A probe is scheduled every 5 ms; each sample is how late
 * it ran. The sandbox runs in its own process. Prints figures; asserts nothing.
 *
 *   npm run bench:export          (ORDERS=10000 npm run bench:export for a quicker run)
 */
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { eventChannel } from '../src/shared/ipc/contract'
import { startTestCore, tempProfile } from '../test/support/test-core'
import { startSandboxProcess } from './support/sandbox-process'

const ORDERS = Number(process.env.ORDERS ?? 50_000)
const RUNS = 5
const PROBE_MS = 5

const sandbox = await startSandboxProcess({ orders: ORDERS })
const profile = tempProfile()
const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
try {
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
  const total = (await app.ok('listOrders')).orders.length
  let progressEvents = 0
  app.core.subscribe((channel) => void (channel === eventChannel('saveProgress') && progressEvents++))
  const runs: { ms: number; worstStallMs: number; samples: number; bytes: number }[] = []
  for (let run = 0; run < RUNS; run++) {
    const target = join(profile.dir, `orders-${run}.csv`)
    app.dialogs.answerSave(target)
    const lateness: number[] = []
    let expected = performance.now() + PROBE_MS
    const probe = setInterval(() => {
      const now = performance.now()
      lateness.push(Math.max(0, now - expected))
      expected = now + PROBE_MS
    }, PROBE_MS)
    const started = performance.now()
    const saved = await app.ok('exportOrders', { kind: 'dueBetween', saveId: `bench-${randomUUID()}`, from: '1900-01-01', to: '2999-12-31' })
    const ms = performance.now() - started
    clearInterval(probe)
    if (saved?.rows !== total) throw new Error(`exported ${saved?.rows} of ${total} orders`)
    runs.push({ ms, worstStallMs: Math.max(...lateness), samples: lateness.length, bytes: statSync(target).size })
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  console.log(`Export of ${total.toLocaleString('en-US')} orders to CSV (${((runs[0]?.bytes ?? 0) / 1e6).toFixed(1)} MB; sandbox in its own process; Node ${process.version}):`)
  console.log(`  ${RUNS} runs of ${RUNS} made; time median ${median(runs.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...runs.map((r) => r.ms)).toFixed(0)} ms`)
  console.log(
    `  main's event loop held at most ${Math.max(...runs.map((r) => r.worstStallMs)).toFixed(1)} ms at a stretch (median of the runs' worst ${median(runs.map((r) => r.worstStallMs)).toFixed(1)} ms; ` +
      `${runs.reduce((n, r) => n + r.samples, 0)} probes every ${PROBE_MS} ms, all counted); ${progressEvents} progress events`
  )
} finally {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
}
