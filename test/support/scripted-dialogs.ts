import type { FileDialogs } from '../../src/main/core/ports'

/** Native dialogs for tests: each answer is queued by the test before the app asks. */
export function createScriptedDialogs(): FileDialogs & { answerOpen(paths: string[]): void; answerSave(path: string | null): void } {
  const opens: string[][] = []
  const saves: (string | null)[] = []
  return {
    answerOpen: (paths) => void opens.push(paths),
    answerSave: (path) => void saves.push(path),
    openFiles: async () => opens.shift() ?? [],
    saveFile: async () => (saves.length > 0 ? (saves.shift() ?? null) : null)
  }
}
