/**
 * The queue lists kept current as syncs change a few orders of a large inbox. Rebuilding them sorts
 * and walks every order — at 50,000 orders a sync that changed one order kept the window from
 * taking a keystroke for ~90 ms — so when the index changed by a few entries, each queue the
 * change touches loses the entries that went and has the new ones placed by binary search.
 * The result is what a rebuild gives (the lists' tests hold the two to each other): a queue is in
 * the sort's order with ties in the inbox's order, which is one strict order when every time is
 * a number. An inbox with a time that does not read as one (NaN compares as equal to anything),
 * a new sort or client, or a large change is rebuilt.
 */
import { STATUS_GROUPS, type StatusGroupId } from '../../../shared/order-workflow'
import { SORTS, unreadable, type IndexedOrder, type SortKey } from '../../../shared/inbox/order-index'
import { buildQueues, queueOrder, sortIndex, type QueueLists } from '../../../shared/inbox/queue-lists'

interface Kept {
  index: readonly IndexedOrder[]
  sort: SortKey
  clientId: string | null
  lists: QueueLists
  /**
   * Every entry of `index` carries this mark; 0 until marked (marked()) in idle time after the lists
   * are painted, or by the change that first needs it — so a rebuild (the window's first inbox among
   * them) does not walk the index again before it is painted.
   */
  mark: number
  /** Some entry's time does not read as a number: the next change is rebuilt. Known once marked. */
  unreadable: boolean
}

type Compare = (a: IndexedOrder, b: IndexedOrder) => number

/** The list without `leaving`, with `arriving` (in the list's order) placed by binary search; the same list when neither is in it. */
function placed(list: IndexedOrder[], leaving: readonly IndexedOrder[], arriving: readonly IndexedOrder[], compare: Compare): IndexedOrder[] {
  let kept: readonly IndexedOrder[] = list
  if (leaving.length > 0) {
    const gone = leaving.map((item) => list.indexOf(item)).filter((at) => at >= 0)
    gone.sort((a, b) => a - b)
    const parts: IndexedOrder[][] = []
    let from = 0
    for (const at of gone) {
      parts.push(list.slice(from, at))
      from = at + 1
    }
    kept = parts.length === 0 ? list : ([] as IndexedOrder[]).concat(...parts, list.slice(from))
  }
  if (arriving.length === 0) return kept as IndexedOrder[]
  const parts: (IndexedOrder | IndexedOrder[])[] = []
  let from = 0
  for (const item of arriving) {
    let low = from
    let high = kept.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compare(kept[mid] as IndexedOrder, item) < 0) low = mid + 1
      else high = mid
    }
    parts.push(kept.slice(from, low), [item])
    from = low
  }
  return ([] as IndexedOrder[]).concat(...parts, kept.slice(from))
}

export class QueueListsKeeper {
  private kept: Kept | null = null
  private marks = 0
  /** How many times the lists were updated in place rather than rebuilt. */
  merges = 0

  lists(index: readonly IndexedOrder[], sort: SortKey, clientId: string | null): QueueLists {
    const last = this.kept
    if (last && last.index === index && last.sort === sort && last.clientId === clientId) return last.lists
    const mark = ++this.marks
    const merged = last && last.sort === sort && last.clientId === clientId ? this.merged(last, index, mark) : null
    if (merged) {
      this.merges++
      // A merge takes no entry whose time does not read as a number, into lists that had none.
      this.kept = { index, sort, clientId, lists: merged, mark, unreadable: false }
      return merged
    }
    const lists = buildQueues(sortIndex(index, sort), sort, clientId)
    this.kept = { index, sort, clientId, lists, mark: 0, unreadable: false }
    return lists
  }

  /** Marks the kept lists' index now (in idle time after a paint), so the next change need not. */
  prepare(): void {
    if (this.kept) this.marked(this.kept)
  }

  /** The kept lists with every entry of their index marked as theirs and in its place. */
  private marked(kept: Kept): Kept {
    if (kept.mark !== 0) return kept
    const mark = ++this.marks
    let anyUnreadable = false
    for (let i = 0; i < kept.index.length; i++) {
      const item = kept.index[i] as IndexedOrder
      item.mark = mark
      item.at = i
      if (unreadable(item, kept.sort)) anyUnreadable = true
    }
    return (this.kept = { ...kept, mark, unreadable: anyUnreadable })
  }

  /** The last lists with the index's change placed in them; null where a rebuild is called for. */
  private merged(previous: Kept, index: readonly IndexedOrder[], mark: number): QueueLists | null {
    const { sort, clientId } = previous
    // A change this large is rebuilt; one that sizes alone rule out (the first inbox after the empty one) is not walked.
    const largest = Math.max(64, index.length / 8)
    if (Math.abs(index.length - previous.index.length) > largest) return null
    const last = this.marked(previous)
    if (last.unreadable) return null
    // Entries still marked as the last index's are kept; the others arrived. Each gets its place in
    // this index. A walk given up half way leaves marks that the next marking walk sets again.
    const arriving: IndexedOrder[] = []
    let kept = 0
    for (let i = 0; i < index.length; i++) {
      const item = index[i] as IndexedOrder
      if (item.mark === last.mark) kept++
      else if (arriving.push(item) > largest) return null
      item.mark = mark
      item.at = i
    }
    const leaving: IndexedOrder[] = []
    if (kept < last.index.length) for (const item of last.index) if (item.mark === last.mark) leaving.push(item)
    if (arriving.length + leaving.length > largest) return null
    if (arriving.some((item) => unreadable(item, sort))) return null

    /** The compare with ties in this index's order, as a rebuild's stable sort leaves them. */
    const inPlace = (compare: Compare): Compare => (a, b) => compare(a, b) || a.at - b.at
    arriving.sort(inPlace(SORTS[sort]))
    const mine = (item: IndexedOrder) => clientId === null || item.order.clientId === clientId
    const orders = {} as Record<StatusGroupId, IndexedOrder[]>
    const counts = {} as Record<StatusGroupId, number>
    const perClient = {} as Record<StatusGroupId, Map<string, number>>
    for (const [bit, group] of STATUS_GROUPS.entries()) {
      const inQueue = (item: IndexedOrder) => (item.groups & (1 << bit)) !== 0
      const going = leaving.filter(inQueue)
      const coming = arriving.filter(inQueue)
      const before = last.lists.orders[group.id]
      if (going.length === 0 && coming.length === 0) {
        orders[group.id] = before
        counts[group.id] = before.length
        perClient[group.id] = last.lists.perClient[group.id]
        continue
      }
      const order = inPlace(queueOrder(group.id, sort))
      const list = placed(before, going.filter(mine), coming.filter(mine).sort(order), order)
      orders[group.id] = list
      counts[group.id] = list.length
      const byClient = new Map(last.lists.perClient[group.id])
      for (const [items, by] of [[going, -1], [coming, 1]] as const) {
        for (const item of items) {
          const count = (byClient.get(item.order.clientId) ?? 0) + by
          if (count > 0) byClient.set(item.order.clientId, count)
          else byClient.delete(item.order.clientId)
        }
      }
      perClient[group.id] = byClient
    }
    return { orders, counts, perClient }
  }
}
