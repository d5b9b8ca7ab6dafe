/**
 * Where each row of a long list starts, for rows of one height of which a few are taller. Kept as
 * the taller rows' indexes, not a prefix sum per row: at 50,000 rows a list that changes (a sync,
 * a keystroke) costs one pass that reads one field per row, not a 400 KB array filled through a
 * call per row. A row's start is its index times the height plus the extra of the taller rows
 * before it, found by binary search.
 */
export class RowOffsets {
  /**
   * @param taller indexes of the taller rows, ascending
   */
  constructor(
    readonly count: number,
    private readonly height: number,
    private readonly taller: readonly number[],
    private readonly tallerHeight: number
  ) {}

  /** Where row `index` starts; `count` gives the list's height. */
  start(index: number): number {
    return index * this.height + (this.tallerHeight - this.height) * firstAtLeast(this.taller, index)
  }

  get total(): number {
    return this.start(this.count)
  }

  /** The first index in 0…count whose start is past `y` (count + 1 when none is). */
  firstStartingAfter(y: number): number {
    let low = 0
    let high = this.count + 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.start(mid) <= y) low = mid + 1
      else high = mid
    }
    return low
  }
}

/** How many of the ascending `values` are below `value`. */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((values[mid] as number) < value) low = mid + 1
    else high = mid
  }
  return low
}
