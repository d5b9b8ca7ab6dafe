/** One platform request as support needs it: never a body, a header, an id in the path or a token. */
export interface JournalEntry {
  at: string
  method: string
  /** The endpoint's path template, e.g. /api/clients/{clientId}/orders. */
  path: string
  /** The HTTP status, or how it failed without one (network, timeout). */
  outcome: string
  durationMs: number
  correlationId: string | null
}

/** The last N platform requests, oldest first. */
export class RequestJournal {
  private readonly entries: JournalEntry[] = []

  constructor(private readonly capacity = 200) {}

  record(entry: JournalEntry): void {
    this.entries.push(entry)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
  }

  recent(): JournalEntry[] {
    return [...this.entries]
  }
}
