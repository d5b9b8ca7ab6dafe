/**
 * Memory over a working day: the app's real core against a sandbox of 3,000 orders, 600 syncs,
 * each seeing one changed order (an order put on hold, then resumed) — and the same with nothing
 * changed between syncs. Twice: with the sandbox in this process, as the app embeds it for the
 * "Local sandbox (demo data)" environment, and with the sandbox in a process of its own (`npm run
 * sandbox`), so the core's heap is measured alone. Prints the JS heap after a forced GC every 50
 * syncs, RSS every 100, and the growth per 1,000 syncs from a line fitted through the heap figures
 * after the first 100 (warm-up). Prints figures; asserts nothing.
 *
 *   npm run bench:soak        SYNCS=1200 npm run bench:soak
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { startSandboxServer } from '../src/sandbox/server'
import { inSet } from '../src/shared/order-workflow'
import { sandboxControl } from '../test/support/sandbox-control'
import { startTestCore, tempProfile } from '../test/support/test-core'
import { startSandboxProcess } from './support/sandbox-process'

const ORDERS = Number(process.env.ORDERS ?? 3000)
const SYNCS = Number(process.env.SYNCS ?? 600)
const HEAP_EVERY = 50
const RSS_EVERY = 100
const WARM_UP = 100
const signIn = { environment: { kind: 'sandbox' as const }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true }

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc (npm run bench:soak does)')
const mb = (bytes: number) => bytes / 1e6
const heapAfterGc = async () => {
  gc()
  await sleep(20)
  gc()
  return process.memoryUsage().heapUsed
}

/** Least-squares slope of heap over syncs, in MB per 1,000 syncs. */
function growthPer1000(points: { sync: number; heap: number }[]): number {
  const n = points.length
  const meanX = points.reduce((s, p) => s + p.sync, 0) / n
  const meanY = points.reduce((s, p) => s + p.heap, 0) / n
  const cov = points.reduce((s, p) => s + (p.sync - meanX) * (p.heap - meanY), 0)
  const varX = points.reduce((s, p) => s + (p.sync - meanX) ** 2, 0)
  return varX === 0 ? NaN : (mb(cov / varX) * 1000)
}

/** Puts the order on hold, or resumes it: a change the platform makes, seen by the next sync. */
type ChangeOrder = (orderId: string, hold: boolean) => Promise<unknown>

async function soak(label: string, sandboxUrl: string, changeOrder: ChangeOrder, withChanges: boolean): Promise<void> {
  const profile = tempProfile()
  const app = startTestCore({ sandboxUrl, profileDir: profile.dir })
  try {
    await app.ok('signIn', signIn)
    const inbox = await app.ok('listOrders')
    if (inbox.orders.length !== ORDERS) throw new Error(`the inbox showed ${inbox.orders.length} orders of ${ORDERS}`)
    const order = inbox.orders.find((o) => inSet('active', o.statusCode))
    if (!order) throw new Error('no order the client could put on hold')
    const heaps: { sync: number; heap: number }[] = [{ sync: 0, heap: await heapAfterGc() }]
    const rss: number[] = [process.memoryUsage().rss]
    let changesSeen = 0
    for (let sync = 1; sync <= SYNCS; sync++) {
      if (withChanges) await changeOrder(order.orderId, sync % 2 === 1)
      await app.core.syncNow()
      // The harness's own record of events and log lines is not the app's memory.
      changesSeen += app.events.filter((e) => e.channel.endsWith('inboxChanged')).length
      app.events.length = 0
      app.logs.length = 0
      if (sync % HEAP_EVERY === 0) heaps.push({ sync, heap: await heapAfterGc() })
      if (sync % RSS_EVERY === 0) rss.push(process.memoryUsage().rss)
    }
    if (withChanges && changesSeen < SYNCS) throw new Error(`only ${changesSeen} of ${SYNCS} syncs told the window of a change`)
    const slope = growthPer1000(heaps.filter((p) => p.sync >= WARM_UP))
    console.log(`  ${label}, ${withChanges ? `one changed order per sync (${changesSeen} changes seen)` : 'nothing changed between syncs'}: ${SYNCS} syncs`)
    console.log(`    heap after GC every ${HEAP_EVERY}: ${heaps.map((p) => mb(p.heap).toFixed(1)).join(' ')} MB`)
    console.log(`    RSS every ${RSS_EVERY}:          ${rss.map((r) => mb(r).toFixed(0)).join(' ')} MB`)
    console.log(`    heap growth after the first ${WARM_UP} syncs: ${slope.toFixed(2)} MB per 1,000 syncs`)
  } finally {
    await app.core.dispose()
    profile.remove()
  }
}

console.log(`Memory over ${SYNCS} syncs of ${ORDERS.toLocaleString()} orders (Node ${process.version}):`)
for (const withChanges of [true, false]) {
  // As the app embeds it: no control plane, so the platform's side of a change is made directly.
  const embedded = await startSandboxServer({ orders: ORDERS, controlPlane: false })
  const { orders, moves } = embedded.sandbox
  const changeOrder: ChangeOrder = async (orderId, hold) => moves.applyEvent(hold ? 'hold' : 'resume', orders.findById(orderId), hold ? { reason: 'Soak: one order changes' } : {})
  try {
    await soak('the core and the sandbox in one process (the app with "Local sandbox")', embedded.url, changeOrder, withChanges)
  } finally {
    await embedded.close()
  }
}
for (const withChanges of [true, false]) {
  const separate = await startSandboxProcess({ orders: ORDERS })
  const control = sandboxControl(separate.url)
  const changeOrder: ChangeOrder = (orderId, hold) => (hold ? control.hold(orderId, 'Soak: one order changes') : control.resume(orderId))
  try {
    await soak('the core alone, the sandbox in its own process', separate.url, changeOrder, withChanges)
  } finally {
    await separate.close()
  }
}
