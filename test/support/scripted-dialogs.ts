import type { FileDialogs } from '../../src/main/core/ports'

/** Native dialogs for tests: each answer is queued by the test before the app asks. */
export function createScriptedDialogs(): FileDialogs & { answerOpen(paths: string[]): void; answerSave(path: string | null): void; saveAsked: { title: string; defaultName: string }[] } {
  const opens: string[][] = []
  const saves: (string | null)[] = []
  const saveAsked: { title: string; defaultName: string }[] = []
  return {
    saveAsked,
    answerOpen: (paths) => void opens.push(paths),
    answerSave: (path) => void saves.push(path),
    openFiles: async () => opens.shift() ?? [],
    saveFile: async (options) => {
      saveAsked.push(options)
      return saves.length > 0 ? (saves.shift() ?? null) : null
    }
  }
}
