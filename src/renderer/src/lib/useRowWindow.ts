/**
 * The rows of a long list that are in view (and a few either side), for a list of rows of known
 * heights: offsets kept as prefix sums in one typed array and the visible range found by binary
 * search, so a list of 50,000 changing on a keystroke costs a pass over numbers — not an object per
 * row, as a general-purpose virtualizer that measures rows does.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react'

export interface WindowRow {
  index: number
  start: number
  size: number
}

/** The first index whose offset is greater than `value` (offsets ascending). */
function upperBound(offsets: Float64Array, value: number): number {
  let low = 0
  let high = offsets.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((offsets[mid] ?? 0) <= value) low = mid + 1
    else high = mid
  }
  return low
}

export function useRowWindow(count: number, heightOf: (index: number) => number, scrollRef: RefObject<HTMLElement | null>, overscan = 2) {
  const offsets = useMemo(() => {
    const sums = new Float64Array(count + 1)
    for (let i = 0; i < count; i++) sums[i + 1] = (sums[i] ?? 0) + heightOf(i)
    return sums
  }, [count, heightOf])
  // Until the list's own height is known, rows for the window's height: the list is never taller.
  // Reading the height on mount would force a layout of the whole page before the first paint, and
  // a second render; the resize observer reports it once layout is done anyway.
  const [viewport, setViewport] = useState(() => ({ top: 0, height: window.innerHeight }))

  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    // A list no taller than the rows already there needs no new render: they cover it. The first
    // layout reports just that (shorter than the window), and re-rendering then would lay the page
    // out twice before the first rows are painted. A scroll or a taller list reads the height anew.
    const read = () => setViewport((v) => (v.top === element.scrollTop && element.clientHeight <= v.height ? v : { top: element.scrollTop, height: element.clientHeight }))
    element.addEventListener('scroll', read, { passive: true })
    const resized = new ResizeObserver(read)
    resized.observe(element)
    return () => {
      element.removeEventListener('scroll', read)
      resized.disconnect()
    }
  }, [scrollRef])

  const first = Math.max(0, upperBound(offsets, viewport.top) - 1 - overscan)
  const last = Math.min(count, upperBound(offsets, viewport.top + viewport.height) + overscan)
  const rows: WindowRow[] = []
  for (let index = first; index < last; index++) rows.push({ index, start: offsets[index] ?? 0, size: (offsets[index + 1] ?? 0) - (offsets[index] ?? 0) })

  /** Scrolls just enough for the row to be in view. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element || index < 0 || index >= count) return
      const start = offsets[index] ?? 0
      const end = offsets[index + 1] ?? start
      if (start < element.scrollTop) element.scrollTop = start
      else if (end > element.scrollTop + element.clientHeight) element.scrollTop = end - element.clientHeight
    },
    [offsets, count, scrollRef]
  )
  return { totalSize: offsets[count] ?? 0, rows, scrollToIndex }
}
