/**
 * A value that follows `value` once the frame showing the change has been painted: the typed letter
 * or the queue's highlight reaches the screen first, and the work the new value sets off (the list)
 * comes in the next frame, in a render React can interrupt. Values that come faster than frames
 * are coalesced: only the latest is applied.
 */
import { startTransition, useEffect, useState } from 'react'

export function useValueAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (Object.is(settled, value)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // A task queued from an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setSettled(value)))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [value, settled])
  return settled
}
