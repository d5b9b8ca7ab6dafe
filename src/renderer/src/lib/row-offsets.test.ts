import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RowOffsets } from './row-offsets'

/** The definition: each row's start as the sum of the heights before it. */
function prefixSums(count: number, heightOf: (index: number) => number): number[] {
  const sums = [0]
  for (let i = 0; i < count; i++) sums.push((sums[i] as number) + heightOf(i))
  return sums
}

describe('row offsets', () => {
  it('place every row where the sum of the heights before it says, and find the row at any point of the list', () => {
    const listArb = fc.record({ count: fc.nat({ max: 300 }), height: fc.integer({ min: 1, max: 100 }), extra: fc.integer({ min: 0, max: 100 }), tallerEvery: fc.integer({ min: 1, max: 40 }), seed: fc.nat() }).map(({ count, height, extra, tallerEvery, seed }) => {
      const taller = Array.from({ length: count }, (_, i) => i).filter((i) => (i * 7919 + seed) % tallerEvery === 0)
      return { count, height, tallerHeight: height + extra, taller }
    })
    fc.assert(
      fc.property(listArb, fc.array(fc.double({ min: -50, max: 40_000, noNaN: true }), { maxLength: 20 }), ({ count, height, tallerHeight, taller }, points) => {
        const offsets = new RowOffsets(count, height, taller, tallerHeight)
        const sums = prefixSums(count, (i) => (taller.includes(i) ? tallerHeight : height))
        for (let i = 0; i <= count; i++) expect(offsets.start(i)).toBe(sums[i])
        expect(offsets.total).toBe(sums[count])
        for (const y of [...points, ...sums, ...sums.map((s) => s - 0.5)]) {
          const expected = sums.findIndex((s) => s > y)
          expect(offsets.firstStartingAfter(y), `y = ${y}`).toBe(expected === -1 ? count + 1 : expected)
        }
      }),
      { numRuns: 300 }
    )
  })
})
