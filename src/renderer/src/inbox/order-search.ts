/**
 * Searching one queue as the appraiser types: every word must be found in an order's lower-cased
 * text, and the queue's order is kept. A query that extends an earlier one narrows that one's
 * result instead of the whole queue, and recent results are kept, so a keystroke (or a Backspace)
 * costs the matches, not the inbox.
 */
import { searchText, type IndexedOrder } from '../../../shared/inbox/order-index'

const KEPT_RESULTS = 64

/** The query as matched: trimmed, lower-cased, single spaces. */
export const normalizeQuery = (query: string) => query.trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ')

export class QueueSearch {
  private readonly found = new Map<string, readonly IndexedOrder[]>()

  constructor(private readonly queue: readonly IndexedOrder[]) {}

  /** The matching orders in the queue's order; the same array as before when nothing was narrowed. */
  find(query: string): readonly IndexedOrder[] {
    const normalized = normalizeQuery(query)
    if (normalized === '') return this.queue
    const kept = this.found.get(normalized)
    if (kept) return kept
    const result = this.match(normalized)
    if (this.found.size >= KEPT_RESULTS) this.found.delete(this.found.keys().next().value as string)
    this.found.set(normalized, result)
    return result
  }

  private match(query: string): readonly IndexedOrder[] {
    // Narrow the longest earlier query this one extends: each of its words is in one of this one's.
    let from: readonly IndexedOrder[] = this.queue
    let longest = -1
    for (const [earlier, result] of this.found) {
      if (earlier.length > longest && query.startsWith(earlier)) {
        from = result
        longest = earlier.length
      }
    }
    const terms = query.split(' ')
    const items: IndexedOrder[] = []
    for (const item of from) {
      let every = true
      for (const term of terms) {
        if (!searchText(item).includes(term)) {
          every = false
          break
        }
      }
      if (every) items.push(item)
    }
    // Nothing narrowed: the same list, so the list below need not change at all.
    return items.length === from.length ? from : items
  }
}
