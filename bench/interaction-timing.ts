/**
 * Timing what a user feels, inside the page, two ways: the browser's own Event Timing entries
 * (what INP is built on: input to next paint, and handler work — reported only for events of 16 ms
 * or more), and self-timing of every interaction (handler work from a capture listener on window to
 * a bubble listener of the same event; to-paint from the first event's timeStamp to a task queued
 * from the next animation frame). Also, for interactions that change the list, input to the
 * paint after the list's change: the list may follow the field's own paint by a frame.
 * Source text: it runs in the page, not through the TS loader.
 */
export const INSTRUMENT_PAGE = `(() => {
  if (window.__timing) return
  const timing = { entries: [], interactions: [] }
  window.__timing = timing
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) timing.entries.push({ id: e.interactionId, name: e.name, duration: e.duration, handler: e.processingEnd - e.processingStart })
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
  const FIRST = { keydown: 'key', pointerdown: 'click' }
  const LAST = { input: 'key', click: 'click' }
  const started = new WeakMap()
  let current = null
  const afterNextPaint = (then) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = then
    requestAnimationFrame(() => channel.port2.postMessage(0))
  }
  // The list's change: rows, the count or the empty state under the toolbar (not the field itself).
  new MutationObserver((mutations) => {
    const interaction = current
    if (!interaction || interaction.listChanged) return
    const inList = mutations.some((m) => {
      const element = m.target.nodeType === 1 ? m.target : m.target.parentElement
      return element !== null && element.closest('.list-pane') !== null && element.closest('.list-toolbar') === null
    })
    if (!inList) return
    interaction.listChanged = true
    afterNextPaint(() => { interaction.listPainted = performance.now() - interaction.start })
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true })
  for (const type of ['keydown', 'beforeinput', 'input', 'keyup', 'pointerdown', 'pointerup', 'click']) {
    window.addEventListener(type, (event) => {
      if (FIRST[type]) {
        current = { kind: FIRST[type], start: event.timeStamp, handler: 0, toPaint: null, listChanged: false, listPainted: null }
        timing.interactions.push(current)
      }
      started.set(event, performance.now())
    }, true)
    window.addEventListener(type, (event) => {
      const from = started.get(event)
      if (!current || from === undefined) return
      current.handler += performance.now() - from
      if (LAST[type] === current.kind) {
        const interaction = current
        afterNextPaint(() => { interaction.toPaint = performance.now() - interaction.start })
      }
    }, false)
  }
})()`

export interface TimedInteraction {
  kind: 'key' | 'click'
  handler: number
  toPaint: number | null
  /** Input to the paint after the list changed; null when the interaction did not change the list. */
  listPainted: number | null
}
export interface EventTimingEntry {
  id: number
  name: string
  duration: number
  handler: number
}

/** Takes what the page recorded so far and clears it. */
export const TAKE_TIMINGS = `(() => {
  const t = window.__timing
  const taken = { entries: t.entries.splice(0), interactions: t.interactions.splice(0) }
  return taken
})()`

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
export function summary(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? NaN }
}
const ms = (value: number) => `${value.toFixed(1)}`
const line = (values: number[]) => {
  const s = summary(values)
  return values.length === 0 ? 'n/a' : `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} ms`
}

/** Times of something done `made` times: how many were measured, median, p95 and max. */
export const measured = (values: number[], made: number) => `${values.length} of ${made} measured — ${line(values)}`

/** The browser's view: per interaction, the longest event's duration (to paint) and the handler work of all its events. */
export function byInteraction(entries: EventTimingEntry[]): { toPaint: number; handler: number }[] {
  const groups = new Map<number, EventTimingEntry[]>()
  for (const e of entries) groups.set(e.id, [...(groups.get(e.id) ?? []), e])
  return [...groups.values()].map((group) => ({ toPaint: Math.max(...group.map((e) => e.duration)), handler: group.reduce((sum, e) => sum + e.handler, 0) }))
}

/** Prints both views of one kind of interaction, with how many were made and how many measured. */
export function report(label: string, made: number, entries: EventTimingEntry[], timed: TimedInteraction[]): string[] {
  const browser = byInteraction(entries)
  const painted = timed.filter((t) => t.toPaint !== null)
  const listChanges = timed.filter((t) => t.listPainted !== null)
  return [
    `  ${label}: ${made} made`,
    `    Event Timing (the browser reports those of 16 ms or more): ${browser.length} of ${made} measured`,
    `      to next paint: ${line(browser.map((b) => b.toPaint))}`,
    `      handler work:  ${line(browser.map((b) => b.handler))}`,
    `    self-timed (every interaction): ${painted.length} of ${made} measured`,
    `      to next paint: ${line(painted.map((t) => t.toPaint as number))}`,
    `      handler work:  ${line(timed.map((t) => t.handler))}`,
    `      to the list's change painted (${listChanges.length} of ${made} changed the list): ${line(listChanges.map((t) => t.listPainted as number))}`
  ]
}
