/** Search texts worked out ahead of the first keystroke, in idle time. */
import { searchText, type IndexedOrder } from '../../../shared/inbox/order-index'

/** Works out the search text of every order in slices of idle time, so the first keystroke does not; stops when cancelled. */
export function prepareSearchWhenIdle(index: readonly IndexedOrder[]): () => void {
  let next = 0
  let handle = 0
  const slice = (deadline: IdleDeadline) => {
    while (next < index.length && deadline.timeRemaining() > 1) {
      const end = Math.min(index.length, next + 500)
      for (; next < end; next++) searchText(index[next] as IndexedOrder)
    }
    if (next < index.length) handle = requestIdleCallback(slice)
  }
  handle = requestIdleCallback(slice)
  return () => cancelIdleCallback(handle)
}
