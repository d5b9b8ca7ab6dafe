import { existsSync, renameSync } from 'node:fs'
import type { KeyValueStore, Logger } from '../ports'

/** The part of conf / electron-store this app uses. */
export interface ConfLike {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/**
 * Wraps a conf-style store so that a corrupt file (bad JSON, truncated write) never crashes the
 * app: the file is moved aside as `<name>.corrupt-<time>` (kept for support, never deleted) and a
 * fresh store takes its place. conf reads the file on every access, so this guards every call.
 */
export function createRecoveringStore(create: () => ConfLike, filePath: string, logger: Logger): KeyValueStore {
  let recovered = false
  const quarantine = (error: unknown) => {
    const aside = `${filePath}.corrupt-${Date.now()}`
    if (existsSync(filePath)) renameSync(filePath, aside)
    recovered = true
    logger.warn('settings file was unreadable and was set aside', { file: aside, error: String(error) })
  }
  const open = (): ConfLike => {
    try {
      return create()
    } catch (error) {
      // Only unreadable content means a corrupt file; any other failure is a bug to surface.
      if (!(error instanceof SyntaxError)) throw error
      quarantine(error)
      return create()
    }
  }
  let store = open()
  const guarded = <T>(action: (s: ConfLike) => T): T => {
    try {
      return action(store)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      quarantine(error)
      store = open()
      return action(store)
    }
  }
  return {
    get: (key) => guarded((s) => s.get(key)),
    set: (key, value) => guarded((s) => s.set(key, value)),
    delete: (key) => guarded((s) => s.delete(key)),
    takeRecoveredFromCorruption: () => {
      const was = recovered
      recovered = false
      return was
    }
  }
}
