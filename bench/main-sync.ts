/**
 * Main's share of a sync, in plain Node with the app's real core: CPU time for the first load
 * (sign-in, every page read, validated and mapped, the first screen and the inbox encoded for the
 * window, the offline copy written), for a window's first screen, for an unchanged sync and for a sync that finds one changed order — with the
 * network and the server taken out: the platform's answers are recorded once (in a child process,
 * from `npm run sandbox` in a process of its own) and replayed from memory, and the replay's own
 * time is subtracted; each kind of sync runs untimed a few times first (steady state, as all day).
 * Then unchanged syncs spaced apart with the process idle between, as the app polls: V8's own
 * idle-time collections can shed the optimized code of the sync's path, so these may cost more.
 * Also main's RSS after the first load. At 10,000 and 50,000 orders (ORDERS=N
 * for one size). Prints figures; asserts nothing. CPU_PROFILE=<folder> also writes a V8 CPU profile
 * of each phase there (open it in Chrome DevTools → Performance).
 *
 *   npm run bench:main-sync        ORDERS=50000 CPU_PROFILE=/tmp/prof npm run bench:main-sync
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, performance, PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { createLogger } from '../src/main/core/logger'
import { createSystemFetch } from '../src/main/core/net/system-fetch'
import { callChannel } from '../src/shared/ipc/contract'
import type { InboxFirstScreenWire } from '../src/shared/ipc/first-screen-wire'
import type { InboxWire } from '../src/shared/ipc/order-list-wire'
import { inSet } from '../src/shared/order-workflow'
import { createKeychainCipher } from '../test/support/keychain-cipher'
import { sandboxControl } from '../test/support/sandbox-control'
import { startTestCore, tempProfile, TRUSTED_SENDER, type TestCore } from '../test/support/test-core'
import { ReplayedPlatform } from './support/replayed-platform'
import { startSandboxProcess } from './support/sandbox-process'

const SIZES = process.env.ORDERS ? [Number(process.env.ORDERS)] : [10_000, 50_000]
const FIRST_LOADS = 3
const SYNCS = 20
/**
 * Syncs of each kind run untimed first: the JIT's first compiles of the sync path are a start-up
 * cost (the first load has them), not each sync's. They run after the full collection that starts
 * each phase, not before it: such a collection frees the shapes the request path's optimized code
 * was built for (fetch's Response, Headers, URL, AbortSignal), V8 throws that code away, and the
 * next ~20 syncs would pay for compiling it again. A full collection the syncs themselves bring
 * on still lands in the figures (the p95 and max show it), and the spaced polls below measure the
 * case where V8's idle-time collections fall between polls.
 */
const WARM_UP_SYNCS = 10
/**
 * Polls spaced apart, idle between, as the app runs them (every 60 s by default; shorter here to
 * bound the bench's time): V8 collects while the process idles, which can shed optimized code, so
 * such a poll may cost more than one of a back-to-back series. SPACED_POLLS=0 leaves them out.
 */
const SPACED_POLLS = Number(process.env.SPACED_POLLS ?? 12)
const POLL_GAP_MS = 8_000
/** After a sync returns, what it set off (the offline copy's writes) gets this long to finish inside the measurement. */
const SETTLE_MS = 300
const PROFILE_DIR = process.env.CPU_PROFILE
const signIn = { environment: { kind: 'sandbox' as const }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true }

interface Sample {
  cpuMs: number
  mainThreadMs: number
}

/** Child mode: records the platform's answers — a first load, an unchanged sync, then one order changed — into a file. */
async function record(orders: number, file: string): Promise<void> {
  const sandbox = await startSandboxProcess({ orders })
  const replayed = new ReplayedPlatform()
  const profile = tempProfile()
  try {
    const real = createSystemFetch({ resolveProxy: async () => 'DIRECT', logger: createLogger(() => undefined) })
    const recorder = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, fetch: replayed.recorder(real) })
    await recorder.ok('signIn', signIn)
    const inbox = await recorder.ok('listOrders')
    await recorder.core.syncNow()
    const order = inbox.orders.find((o) => inSet('active', o.statusCode))
    if (!order) throw new Error('no order the client could put on hold')
    await sandboxControl(sandbox.url).hold(order.orderId, 'Bench: one order changes')
    replayed.recordAs('changed')
    await recorder.core.syncNow()
    await recorder.core.dispose()
    writeFileSync(file, JSON.stringify({ url: sandbox.url, recording: replayed.serialize() }))
  } finally {
    profile.remove()
    await sandbox.close()
  }
}

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)] ?? NaN
const line = (label: string, samples: Sample[], made: number) => {
  const cpu = samples.map((s) => s.cpuMs)
  const busy = samples.map((s) => s.mainThreadMs)
  return `  ${label}: ${samples.length} of ${made} measured — CPU median ${percentile(cpu, 0.5).toFixed(1)}, p95 ${percentile(cpu, 0.95).toFixed(1)}, max ${Math.max(...cpu).toFixed(1)} ms; main thread busy median ${percentile(busy, 0.5).toFixed(1)}, p95 ${percentile(busy, 0.95).toFixed(1)} ms`
}

async function measure(orders: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc (npm run bench:main-sync does)')
  const inspector = PROFILE_DIR ? new Session() : null
  if (inspector && PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true })
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 })
  }
  /** Profiles the phase when CPU_PROFILE is set (the profiler's own cost then lands in the figures too). */
  const profiled = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    if (!inspector || !PROFILE_DIR) return work()
    await inspector.post('Profiler.start')
    const result = await work()
    const { profile } = await inspector.post('Profiler.stop')
    writeFileSync(join(PROFILE_DIR, `${orders}-${name}.cpuprofile`), JSON.stringify(profile))
    return result
  }

  const folder = mkdtempSync(join(tmpdir(), 'omnivms-main-sync-'))
  const file = join(folder, 'recording.json')
  execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--record', String(orders), file], { stdio: 'inherit' })
  const { url, recording } = JSON.parse(readFileSync(file, 'utf8')) as { url: string; recording: string }
  rmSync(folder, { recursive: true, force: true })
  const replayed = ReplayedPlatform.deserialize(recording)

  /** A full collection, so earlier garbage is not counted; the collector sweeps on other threads after gc() returns. */
  /** Only the young generation (a scavenge): the last sample's garbage is not this one's, and the old generation is left alone. */
  const minorGc = () => (gc as unknown as (options: { type: 'minor' }) => void)({ type: 'minor' })
  const collect = async () => {
    gc()
    await sleep(100)
  }
  /**
   * CPU time of this process (all threads) for the work and what it set off, less the replayed
   * fetch's. Syncs are timed back to back, as the app runs them — a collection forced before each
   * would leave its sweeping of the whole heap in the next sample; the collector's own work lands
   * in whichever sync it falls in (the p95 shows it), and the calibration runs the same way.
   */
  const cpuOf = async (work: () => Promise<unknown>): Promise<Sample> => {
    minorGc()
    await sleep(20)
    const elu = performance.eventLoopUtilization()
    const fetchMs = replayed.spentMs
    const start = process.cpuUsage()
    await work()
    await sleep(SETTLE_MS)
    const used = process.cpuUsage(start)
    const replay = replayed.spentMs - fetchMs
    return { cpuMs: (used.user + used.system) / 1000 - replay, mainThreadMs: performance.eventLoopUtilization(elu).active - replay }
  }

  const profiles: ReturnType<typeof tempProfile>[] = []
  const cores: TestCore[] = []
  // The replay answers for the address it recorded; nothing listens there any more.
  const start = () => {
    const profile = tempProfile()
    profiles.push(profile)
    const core = startTestCore({ sandboxUrl: url, profileDir: profile.dir, cipher: createKeychainCipher(), fetch: replayed.replay() })
    cores.push(core)
    return core
  }
  /** What a window opening asks first: its first screen of the inbox (see useInbox). */
  const firstScreen = async (core: TestCore) => {
    const answer = await core.core.dispatch(callChannel('inboxFirstScreen'), TRUSTED_SENDER, { group: 'all', sort: 'due', clientId: null, rows: 100 })
    if (!answer.ok || (answer.value as InboxFirstScreenWire).orders?.rows.length !== Math.min(100, orders)) throw new Error('the first screen did not hold its first rows')
  }
  try {
    gc()
    const rssBefore = process.memoryUsage().rss
    const firstLoads: Sample[] = []
    let rss = 0
    let app: TestCore | null = null
    for (let run = 0; run < FIRST_LOADS; run++) {
      replayed.use('base')
      const core = start()
      app = core
      let shown = 0
      await collect()
      firstLoads.push(
        await profiled(`first-load-${run + 1}`, () =>
          cpuOf(async () => {
            await core.ok('signIn', signIn)
            // Main's answers as they go to the window, a first screen and then the whole inbox:
            // turning their compact form back into orders is the window's work.
            await firstScreen(core)
            const answer = await core.core.dispatch(callChannel('listOrders'), TRUSTED_SENDER, undefined)
            if (!answer.ok) throw new Error(`listOrders failed: ${answer.error.code}`)
            shown = (answer.value as InboxWire).orders.rows.length
          })
        )
      )
      if (shown !== orders) throw new Error(`the first load showed ${shown} orders of ${orders}`)
      if (run === 0) {
        gc()
        rss = process.memoryUsage().rss
      }
      if (run < FIRST_LOADS - 1) {
        // Not kept: a core held after its run would leave its inbox for the collector to walk in every later sample.
        await core.core.dispose()
        cores.splice(cores.indexOf(core), 1)
      }
    }
    const signedIn = app as TestCore
    /** Syncs of one kind (`pageSetFor` the i-th), untimed: after the collection that starts each phase, as explained at WARM_UP_SYNCS. */
    const warmUp = async (pageSetFor: (i: number) => 'base' | 'changed') => {
      for (let i = 0; i < WARM_UP_SYNCS; i++) {
        replayed.use(pageSetFor(i))
        await signedIn.core.syncNow()
      }
      replayed.use('base')
    }
    const changedEveryOther = (i: number) => (i % 2 === 0 ? 'changed' : 'base')
    await collect()
    const idle: Sample[] = []
    for (let i = 0; i < SYNCS; i++) idle.push(await cpuOf(async () => undefined))
    await collect()
    await warmUp(() => 'base')
    const unchanged = await profiled('unchanged', async () => {
      const samples: Sample[] = []
      for (let i = 0; i < SYNCS; i++) samples.push(await cpuOf(() => signedIn.core.syncNow()))
      return samples
    })
    await collect()
    await warmUp(changedEveryOther)
    const oneChanged = await profiled('one-changed', async () => {
      const samples: Sample[] = []
      for (let i = 0; i < SYNCS; i++) {
        replayed.use(changedEveryOther(i))
        const before = signedIn.events.length
        samples.push(await cpuOf(() => signedIn.core.syncNow()))
        const told = signedIn.events.slice(before).filter((e) => e.channel.endsWith('inboxChanged')) as { payload: { changed: { rows: unknown[] } } }[]
        if (told.length !== 1 || told[0]?.payload.changed.rows.length !== 1) throw new Error('a "one changed order" sync did not tell the window exactly one changed order')
      }
      return samples
    })
    await collect()
    for (let i = 0; i < WARM_UP_SYNCS; i++) await firstScreen(signedIn)
    const firstScreens: Sample[] = []
    for (let i = 0; i < SYNCS; i++) firstScreens.push(await cpuOf(() => firstScreen(signedIn)))
    let fullCollections = 0
    const collections = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++
    })
    collections.observe({ entryTypes: ['gc'] })
    replayed.use('base')
    const spaced: Sample[] = []
    for (let i = 0; i < SPACED_POLLS; i++) {
      await sleep(POLL_GAP_MS)
      spaced.push(await cpuOf(() => signedIn.core.syncNow()))
    }
    collections.disconnect()
    console.log(`Main's share of a sync with ${orders.toLocaleString()} orders (Node ${process.version}; the platform's answers replayed from memory, the replay's time taken out; each kind timed after ${WARM_UP_SYNCS} untimed ones):`)
    console.log(line('calibration — the same window with no work in it', idle, SYNCS))
    console.log(line('first load (sign-in, every page, the first screen and the inbox to the window, the offline copy)', firstLoads, FIRST_LOADS))
    console.log(line('a window opening: its first screen (every order indexed and counted, its first 100 rows picked)', firstScreens, SYNCS))
    console.log(line('an unchanged sync (every page answered 304)', unchanged, SYNCS))
    console.log(line('a sync with one changed order', oneChanged, SYNCS))
    if (SPACED_POLLS > 0) console.log(line(`an unchanged sync ${POLL_GAP_MS / 1000} s after the last, idle between (V8 ran ${fullCollections} full collections of its own meanwhile)`, spaced, SPACED_POLLS))
    console.log(`  main's RSS after the first load (after a GC): ${(rss / 1e6).toFixed(0)} MB — ${(rssBefore / 1e6).toFixed(0)} MB before signing in; the bench's recorded answers held: ${(replayed.bytesHeld() / 1e6).toFixed(0)} MB`)
  } finally {
    for (const core of cores) await core.core.dispose()
    for (const profile of profiles) profile.remove()
    inspector?.disconnect()
  }
}

const recordAt = process.argv.indexOf('--record')
if (recordAt >= 0) await record(Number(process.argv[recordAt + 1]), process.argv[recordAt + 2] ?? '')
else for (const orders of SIZES) await measure(orders)
