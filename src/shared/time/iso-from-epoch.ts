/**
 * Epoch milliseconds as the ISO text `Date#toISOString` gives, several times faster: each day's
 * date part worked out once, the time of day by arithmetic. Decoding ten thousand orders turns
 * forty thousand times back into text, and that was a fifth of the inbox's first paint.
 */
const DAY_MS = 86_400_000
const KEPT_DAYS = 4096
const dayPrefixes = new Map<number, string>()
const pad2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'))
const pad3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'))

export function isoFromEpoch(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString()
  const day = Math.floor(ms / DAY_MS)
  let prefix = dayPrefixes.get(day)
  if (prefix === undefined) {
    const iso = new Date(day * DAY_MS).toISOString()
    prefix = iso.slice(0, iso.indexOf('T') + 1)
    if (dayPrefixes.size >= KEPT_DAYS) dayPrefixes.clear()
    dayPrefixes.set(day, prefix)
  }
  let rest = ms - day * DAY_MS
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.floor(rest / 1000)
  return `${prefix}${pad2[hours]}:${pad2[minutes]}:${pad2[seconds]}.${pad3[rest - seconds * 1000]}Z`
}
