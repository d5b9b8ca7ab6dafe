/**
 * The personal values the active session knows — its orders' borrower names — so the scrubber can
 * mask them in free text (a renderer error, a platform's answer) where no pattern could tell a name.
 * It holds only what the session that set it owns: that session's end empties it.
 */
const MAX_WORDS = 5

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? []

export class KnownPersonalValues {
  private names = new Set<string>()
  private owner: string | null = null

  /** What the owner (a session scope's id) has seen; another owner's values are dropped first. Fewer than 4 letters are not masked. */
  add(owner: string, values: Iterable<string>): void {
    if (this.owner !== owner) {
      this.owner = owner
      this.names = new Set()
    }
    for (const value of values) {
      const words = wordsOf(value)
      if (words.length > 0 && words.length <= MAX_WORDS && words.join('').length >= 4) this.names.add(words.join(' '))
    }
  }

  /** The owner's session ended: nothing of it stays. */
  clear(owner: string): void {
    if (this.owner !== owner) return
    this.owner = null
    this.names = new Set()
  }

  get size(): number {
    return this.names.size
  }

  /** Replaces each known name (any case, any spacing) with [name]. */
  mask(text: string): string {
    if (this.names.size === 0) return text
    const matches: { start: number; end: number }[] = []
    const tokens = [...text.matchAll(/[\p{L}\p{M}'’-]+/gu)]
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
        const phrase = tokens
          .slice(i, i + n)
          .map((t) => t[0].toLowerCase())
          .join(' ')
        if (!this.names.has(phrase)) continue
        const last = tokens[i + n - 1] as RegExpMatchArray
        matches.push({ start: tokens[i]?.index ?? 0, end: (last.index ?? 0) + last[0].length })
        i += n - 1
        break
      }
    }
    let out = text
    for (const { start, end } of matches.reverse()) out = `${out.slice(0, start)}[name]${out.slice(end)}`
    return out
  }
}
