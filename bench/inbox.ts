/**
 * The inbox as a user feels it, in Chromium wired to the real main-process logic (the e2e harness),
 * at ORDERS orders (10,000 by default; ORDERS=50000 works): real queries typed (some matching
 * thousands of orders, some none, with deletions) and every queue clicked several times, each
 * interaction measured as the browser measures responsiveness (Event Timing: input to next paint,
 * and handler work) and self-timed in the page; the same on a bare page in the same browser, as
 * the calibration; data received → first rows painted (the first screen main sends), the whole inbox received → the whole
 * list painted, and both from the window asking for its inbox; the renderer's JS heap after load; and the
 * bytes main sends the window. Prints figures; asserts nothing. Needs `electron-vite build` first.
 * CPU_PROFILE=<folder> also writes the renderer's CPU profile of loading, typing, clicking and syncs there,
 * and a Chrome performance trace of loading, typing and syncs (style, layout, paint and collections too)
 * (DevTools protocol; open in Chrome DevTools → Performance).
 *
 *   npm run bench:inbox        ORDERS=50000 npm run bench:inbox
 */
import { chromium, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchBrowserApp } from '../e2e/harness/browser-app'
import { buildPageBridge } from '../e2e/harness/page-bridge-bundle'
import { startRendererServer } from '../e2e/harness/renderer-server'
import { STATUS_GROUPS } from '../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { startSandboxServer } from '../src/sandbox/server'
import { createScriptedDialogs } from '../test/support/scripted-dialogs'
import { INSTRUMENT_PAGE, TAKE_TIMINGS, measured, report, type EventTimingEntry, type TimedInteraction } from './interaction-timing'
import { hostBrowserPath } from '../test/support/browser-path'

const ORDERS = Number(process.env.ORDERS ?? 10_000)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const root = resolve(import.meta.dirname, '..')
/** What an appraiser types: queries matching thousands, some, and none — each typed, then deleted. */
const QUERIES = ['maple', 'madison wi', 'ov-2026-1', 'zzqx', 'chen', 'summit 1004']
const KEY_GAP_MS = 120
/** Syncs that each find one more order changed, timed in the window. */
const CHANGED_SYNCS = 12
const PROFILE_DIR = process.env.CPU_PROFILE

interface Taken {
  entries: EventTimingEntry[]
  interactions: TimedInteraction[]
}
const take = async (page: Page) => (await page.evaluate(TAKE_TIMINGS)) as Taken
const settle = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60)))')

/** Types each query key by key, then deletes it: returns how many keystrokes were made. */
async function typeQueries(page: Page, field: string): Promise<number> {
  let made = 0
  await page.locator(field).focus()
  for (const query of QUERIES) {
    for (const key of [...query.split(''), ...query.split('').map(() => 'Backspace')]) {
      await page.keyboard.press(key === ' ' ? 'Space' : key)
      made++
      await page.waitForTimeout(KEY_GAP_MS)
    }
    await settle(page)
  }
  return made
}

const sandbox = await startSandboxServer({ orders: ORDERS })
const renderer = await startRendererServer(join(root, 'out', 'renderer'))
const browser = await chromium.launch({
  executablePath: hostBrowserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']
})
const profileDir = mkdtempSync(join(tmpdir(), 'omnivms-bench-'))
try {
  // ── The calibration: a bare page with one input and one button, in the same browser ──
  const bare = await (await browser.newContext()).newPage()
  await bare.setContent('<input id="q" aria-label="q"><button id="b" onclick="this.textContent = String(Number(this.textContent) + 1)">0</button>')
  await bare.evaluate(INSTRUMENT_PAGE)
  const bareKeys = await typeQueries(bare, '#q')
  const bareKeyTimes = await take(bare)
  const queueCount = STATUS_GROUPS.length
  for (let i = 0; i < ROUNDS * queueCount; i++) {
    await bare.locator('#b').click()
    await settle(bare)
  }
  const bareClickTimes = await take(bare)
  await bare.context().close()

  // ── The app ──
  const app = await launchBrowserApp({ browser, rendererOrigin: renderer.origin, bridgeScript: await buildPageBridge(), sandboxUrl: sandbox.url, profileDir, keychainKey: randomBytes(32), dialogs: createScriptedDialogs() })
  const { page } = app
  const cdp = await page.context().newCDPSession(page)
  /** Starts the renderer's CPU profile of a phase when CPU_PROFILE is set; the returned function writes it. */
  const profile = async (name: string): Promise<() => Promise<void>> => {
    if (!PROFILE_DIR) return async () => undefined
    mkdirSync(PROFILE_DIR, { recursive: true })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    return async () => {
      const { profile: taken } = await cdp.send('Profiler.stop')
      writeFileSync(join(PROFILE_DIR, `renderer-${ORDERS}-${name}.cpuprofile`), JSON.stringify(taken))
    }
  }
  const eventBytes = new Map<string, number>()
  app.core.subscribe((channel, payload) => eventBytes.set(channel, (eventBytes.get(channel) ?? 0) + Buffer.byteLength(JSON.stringify(payload))))
  const inboxEventBytes = () => [...eventBytes].filter(([channel]) => channel.endsWith('inboxChanged')).reduce((sum, [, bytes]) => sum + bytes, 0)
  await page.getByLabel('Email').fill(DEMO_ACCOUNTS.vendor.email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNTS.vendor.password)
  // First rows painted: a task queued from the frame after the rows appear. The whole list painted:
  // the same, from the commit that leaves the list no longer busy with only its first rows.
  await page.evaluate(`(() => {
    const whenPainted = (name) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => { window[name] = performance.now() }
      requestAnimationFrame(() => channel.port2.postMessage(0))
    }
    let rows = false
    new MutationObserver((_, observer) => {
      const list = document.querySelector('[role=listbox][aria-label=Orders]')
      if (!list || !list.querySelector('.order-row')) return
      if (!rows) whenPainted('__firstRowsPainted')
      rows = true
      if (list.getAttribute('aria-busy') === 'true') return
      observer.disconnect()
      whenPainted('__wholeListPainted')
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] })
  })()`)
  const loadProfiled = await profile('load')
  // With CPU_PROFILE, a Chrome performance trace of loading, typing and syncs too: style, layout and paint, not only JS.
  const trace = async (name: string) => (PROFILE_DIR ? browser.startTracing(page, { path: join(PROFILE_DIR, `renderer-${ORDERS}-${name}.trace.json`), categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] }) : undefined)
  const stopTrace = async () => (PROFILE_DIR ? browser.stopTracing() : undefined)
  await trace('load')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForFunction(() => (window as unknown as { __wholeListPainted?: number }).__wholeListPainted !== undefined, undefined, { timeout: 120_000 })
  await stopTrace()
  // The window asks main for a first screen of its inbox, paints it, then asks for the whole inbox.
  const mark = (what: 'asked' | 'received', call: 'inboxFirstScreen' | 'listOrders') => `performance.getEntriesByName('omnivms:${what}:omnivms:call:${call}').at(-1).startTime`
  const since = async (painted: string, from: string) => (await page.evaluate(`window.${painted} - ${from}`)) as number
  const receivedToRows = await since('__firstRowsPainted', mark('received', 'inboxFirstScreen'))
  const askedToRows = await since('__firstRowsPainted', mark('asked', 'inboxFirstScreen'))
  const receivedToWholeList = await since('__wholeListPainted', mark('received', 'listOrders'))
  const askedToWholeList = await since('__wholeListPainted', mark('asked', 'inboxFirstScreen'))
  await loadProfiled()
  const rendered = await page.getByRole('listbox', { name: 'Orders' }).getByRole('option').count()
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }

  await page.evaluate(INSTRUMENT_PAGE)
  await take(page)
  const keysProfiled = await profile('keys')
  await trace('keys')
  const keysMade = await typeQueries(page, '#search')
  await stopTrace()
  await keysProfiled()
  const keyTimes = await take(page)
  const clicksProfiled = await profile('clicks')
  const nav = page.getByRole('navigation', { name: 'Queues' })
  let clicksMade = 0
  for (let round = 0; round < ROUNDS; round++) {
    for (const group of STATUS_GROUPS) {
      await nav.getByRole('button', { name: new RegExp(`^${group.label.replace(/[&/]/g, '.')}`) }).click()
      clicksMade++
      await settle(page)
    }
  }
  await clicksProfiled()
  const clickTimes = await take(page)

  // The bytes main sends the window: the first inbox, an unchanged sync, one changed order.
  const inboxAnswer = Math.max(...app.ipcTraffic.filter((t) => t.includes('"orders":{"clients":')).map((t) => Buffer.byteLength(t)))
  const beforeUnchanged = inboxEventBytes()
  await app.core.syncNow()
  const unchanged = inboxEventBytes() - beforeUnchanged
  const vendorId = sandbox.sandbox.data.users.find((u) => u.email === DEMO_ACCOUNTS.vendor.email)?.id
  const someOrder = sandbox.sandbox.data.orders.find((o) => o.status === 1 && o.vendorId === vendorId)
  if (someOrder) sandbox.sandbox.moves.applyEvent('hold', someOrder, { reason: 'Bench: one order changes' })
  const beforeChanged = inboxEventBytes()
  await app.core.syncNow()
  const oneChanged = inboxEventBytes() - beforeChanged

  // A sync that finds one changed order, as the window takes it: from the change arriving (before its
  // JSON is read) to the frame that shows it painted — the window can take no keystroke meanwhile.
  await page.evaluate(`(() => {
    window.__changeTimes = []
    window.omnivms.onInboxChanged(() => {
      const arrived = performance.getEntriesByName('omnivms:delivered:omnivms:event:inboxChanged').at(-1).startTime
      // A change that altered nothing on screen gives no time, rather than its watcher timing the next change from this one's arrival.
      window.__changeObserver?.disconnect()
      const observer = (window.__changeObserver = new MutationObserver(() => {
        observer.disconnect()
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => window.__changeTimes.push(performance.now() - arrived)
          channel.port2.postMessage(0)
        })
      }))
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
  })()`)
  const toHold = sandbox.sandbox.data.orders.filter((o) => o.status === 1 && o.vendorId === vendorId && o !== someOrder).slice(0, CHANGED_SYNCS)
  const changesProfiled = await profile('changes')
  await trace('changes')
  for (const [i, order] of toHold.entries()) {
    sandbox.sandbox.moves.applyEvent('hold', order, { reason: 'Bench: one order changes' })
    await app.core.syncNow()
    await page.waitForFunction((n) => (window as unknown as { __changeTimes: number[] }).__changeTimes.length > n, i, { timeout: 10_000 }).catch(() => undefined)
  }
  await stopTrace()
  await changesProfiled()
  const changeTimes = (await page.evaluate('window.__changeTimes')) as number[]

  const version = browser.version()
  console.log(`Inbox with ${ORDERS.toLocaleString()} orders in Chromium ${version}, one run (${rendered} rows in the DOM — virtualized):`)
  console.log(`  data received → first rows painted: ${receivedToRows.toFixed(0)} ms (the data: the first screen main sent — every count, and the first rows of the queue in view)`)
  console.log(`  the window asked for its inbox → first rows painted: ${askedToRows.toFixed(0)} ms (main's first sync after sign-in, its work and this harness's transport included)`)
  console.log(`  the whole inbox received → the whole list painted (every queue built, the list no longer busy): ${receivedToWholeList.toFixed(0)} ms`)
  console.log(`  the window asked for its inbox → the whole list painted: ${askedToWholeList.toFixed(0)} ms`)
  console.log(`  renderer JS heap after load (after a GC): ${(heap.usedSize / 1e6).toFixed(1)} MB`)
  for (const text of [
    ...report(`search keystrokes (${QUERIES.map((q) => `"${q}"`).join(', ')}, each typed and deleted)`, keysMade, keyTimes.entries, keyTimes.interactions.filter((i) => i.kind === 'key')),
    ...report(`queue clicks (every queue, ${ROUNDS} rounds)`, clicksMade, clickTimes.entries, clickTimes.interactions.filter((i) => i.kind === 'click')),
    ...report('calibration — bare page, the same keystrokes', bareKeys, bareKeyTimes.entries, bareKeyTimes.interactions.filter((i) => i.kind === 'key')),
    ...report('calibration — bare page, as many clicks', ROUNDS * queueCount, bareClickTimes.entries, bareClickTimes.interactions.filter((i) => i.kind === 'click'))
  ])
    console.log(text)
  console.log(`  first inbox sent to the window: ${(inboxAnswer / 1e6).toFixed(2)} MB (${Math.round(inboxAnswer / ORDERS)} bytes per order)`)
  console.log(`  an unchanged sync sent the window: ${unchanged} bytes; one changed order: ${oneChanged} bytes`)
  console.log(`  a sync that changed one order (put on hold), its change arriving → painted in the window: ${measured(changeTimes, toHold.length)}`)
  await app.close()
} finally {
  await browser.close()
  await renderer.close()
  await sandbox.close()
  rmSync(profileDir, { recursive: true, force: true })
}
