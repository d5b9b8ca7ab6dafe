/**
 * The rows of a long list that are in view (and a few either side), for a list of rows of known
 * heights (RowOffsets): the visible range found by binary search, so a list of 50,000 changing on a
 * keystroke costs a pass over its rows — not an object per row, as a general-purpose virtualizer
 * that measures rows does.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { RowOffsets } from './row-offsets'

export interface WindowRow {
  index: number
  start: number
  size: number
}

export function useRowWindow(offsets: RowOffsets, scrollRef: RefObject<HTMLElement | null>, overscan = 2) {
  const { count } = offsets
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

  const first = Math.max(0, offsets.firstStartingAfter(viewport.top) - 1 - overscan)
  const last = Math.min(count, offsets.firstStartingAfter(viewport.top + viewport.height) + overscan)
  const rows: WindowRow[] = []
  for (let index = first; index < last; index++) {
    const start = offsets.start(index)
    rows.push({ index, start, size: offsets.start(index + 1) - start })
  }

  /** Scrolls just enough for the row to be in view. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element || index < 0 || index >= count) return
      const start = offsets.start(index)
      const end = offsets.start(index + 1)
      if (start < element.scrollTop) element.scrollTop = start
      else if (end > element.scrollTop + element.clientHeight) element.scrollTop = end - element.clientHeight
    },
    [offsets, count, scrollRef]
  )
  return { totalSize: offsets.total, rows, scrollToIndex }
}
