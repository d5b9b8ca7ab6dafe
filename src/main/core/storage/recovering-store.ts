/** A settings file that survives damage: an unreadable one is set aside, and the app says so. */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { KeyValueStore, Logger } from '../ports'

/** The part of conf / electron-store this app uses. */
export interface ConfLike {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/** Corrupt files set aside are kept for support, but only the newest few. */
export const MAX_QUARANTINED = 3
const UNREADABLE_CODES = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ELOOP', 'EIO'])

/** A store that lives only while the app runs: used when the settings file cannot be used at all. */
export function createMemoryStore(): ConfLike {
  const values = new Map<string, unknown>()
  return {
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => void values.set(key, structuredClone(value)),
    delete: (key) => void values.delete(key)
  }
}

type FileState = { kind: 'ok' } | { kind: 'corrupt'; error: unknown } | { kind: 'unusable'; reason: string }

function inspect(filePath: string): FileState {
  let text: string
  try {
    text = readFileSync(filePath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code === 'ENOENT') return { kind: 'ok' }
    return { kind: 'unusable', reason: code === 'EACCES' || code === 'EPERM' ? 'no permission to read it' : code === 'EISDIR' ? 'it is a folder' : code || 'unknown error' }
  }
  // conf writes atomically: an empty file is one a disk or another program emptied.
  if (text.trim() === '') return { kind: 'corrupt', error: new SyntaxError('the settings file is empty') }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { kind: 'corrupt', error }
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject ? { kind: 'ok' } : { kind: 'unusable', reason: `it holds ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`} instead of settings` }
}

/**
 * Wraps a conf-style store so that a bad settings file never stops the app: a corrupt one (bad
 * JSON, a truncated write) is moved aside as `<name>.corrupt-<time>` (the newest 3 are kept) and a
 * fresh store takes its place; one that can't be used at all (a folder, no permission, a JSON
 * null/list/string, a failing disk) leaves the file alone and the app runs on a memory store for
 * this run, saying so through `problem()`.
 */
export function createRecoveringStore(create: () => ConfLike, filePath: string, logger: Logger): KeyValueStore {
  let recovered = false
  let problem: string | null = null
  const quarantine = (error: unknown) => {
    // The time names the copy; two set aside in the same millisecond are told apart by a suffix.
    let aside = `${filePath}.corrupt-${Date.now()}`
    for (let n = 1; existsSync(aside); n++) aside = `${filePath}.corrupt-${Date.now()}-${n}`
    if (existsSync(filePath)) renameSync(filePath, aside)
    pruneQuarantined(filePath)
    recovered = true
    problem ??= `Your settings file was damaged and could not be read, so settings are back to their defaults (the damaged file is kept as ${aside}). Your sign-in and saved data are kept.`
    logger.warn('settings file was unreadable and was set aside', { file: aside, error: String(error) })
  }
  const fallBack = (reason: string): ConfLike => {
    problem = `Your settings file (${filePath}) can't be used: ${reason}. The app is using temporary settings for this run, so changes and a kept sign-in won't be remembered. Fix or remove the file, then restart.`
    logger.error('settings file cannot be used; running on memory settings', { file: filePath, reason })
    return createMemoryStore()
  }
  const open = (): ConfLike => {
    const state = inspect(filePath)
    if (state.kind === 'unusable') return fallBack(state.reason)
    if (state.kind === 'corrupt') quarantine(state.error)
    try {
      return create()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (error instanceof SyntaxError) {
        quarantine(error)
        return create()
      }
      if (UNREADABLE_CODES.has(code)) return fallBack(code)
      // Anything else is a bug to surface, not a file to throw away.
      throw error
    }
  }
  let store = open()
  const guarded = <T>(action: (s: ConfLike) => T): T => {
    try {
      return action(store)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (error instanceof SyntaxError) {
        quarantine(error)
        store = open()
        return action(store)
      }
      if (UNREADABLE_CODES.has(code) || code === 'ENOSPC') {
        store = fallBack(code)
        return action(store)
      }
      throw error
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
    },
    problem: () => problem
  }
}

function pruneQuarantined(filePath: string): void {
  const folder = dirname(filePath)
  const prefix = `${basename(filePath)}.corrupt-`
  const copies = readdirSync(folder)
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => setAsideAt(b.slice(prefix.length)) - setAsideAt(a.slice(prefix.length)))
  for (const old of copies.slice(MAX_QUARANTINED)) rmSync(join(folder, old), { force: true })
}

/** A copy's time and suffix ("1796634277159-2") as one number that sorts them. */
const setAsideAt = (stamp: string) => {
  const [time = '0', suffix = '0'] = stamp.split('-')
  return Number(time) * 1000 + Number(suffix)
}
