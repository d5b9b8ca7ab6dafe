/**
 * What a session's files hold, in the words a notice uses, and the one notice that says which of
 * them could not be read: each file discarded is added, and the notice says all of them so far (a
 * window that opens later is shown the whole list, not the last one).
 */
const CONTENTS: readonly [RegExp, string][] = [
  [/^pending\.json$/, 'the actions waiting to be sent (they will not be sent: check the orders you worked offline)'],
  [/^drafts\.json$/, 'your unsent drafts'],
  [/^(inbox(-\d+|-recent)?|orders)\.json$/, 'the saved copy of your orders (it is fetched again when online)'],
  [/^notified(-recent)?\.json$/, 'which new orders you were already told about'],
  [/^submitted-files\.json$/, 'where the report files you submitted are (a workfile names them instead of copying them)'],
  [/^data-key\.json$/, 'the key to this account’s saved data (saved orders, drafts and queued actions start afresh)']
]

/** The plain words for what `file` held. */
export function describeSessionFile(file: string): string {
  return CONTENTS.find(([name]) => name.test(file))?.[1] ?? 'some saved data'
}

export class UnreadableFiles {
  private readonly said = new Set<string>()

  constructor(private readonly notice: (text: string) => void) {}

  /** `file` could not be read and was discarded: the notice now says so, with the others before it. */
  add(file: string): void {
    const what = describeSessionFile(file)
    if (this.said.has(what)) return
    this.said.add(what)
    this.notice(`Some data saved on this computer was damaged and could not be read, so it was discarded: ${[...this.said].join('; ')}. Everything else is kept.`)
  }
}
