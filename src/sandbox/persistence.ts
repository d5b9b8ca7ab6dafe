/** The embedded sandbox's data kept on disk, written atomically and debounced. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SandboxData } from './model'

/** Loads saved sandbox data; a missing or unreadable file means "start from the seed". */
export function loadSandboxData(file: string): SandboxData | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as SandboxData
    if (!(Array.isArray(data.orders) && Array.isArray(data.users) && Array.isArray(data.submissions))) return undefined
    // Files from before tokens were hashed held them in plain text: those sessions are dropped.
    data.accessTokens = (data.accessTokens ?? []).filter((t) => typeof t.tokenHash === 'string')
    data.refreshTokens = (data.refreshTokens ?? []).filter((t) => typeof t.tokenHash === 'string')
    return data
  } catch {
    return undefined
  }
}

/** Writes at most every `delayMs`, atomically (temp file + rename). */
export function createDebouncedSaver(file: string, delayMs = 250) {
  let timer: NodeJS.Timeout | undefined
  let pending: SandboxData | undefined
  const flush = () => {
    timer = undefined
    if (!pending) return
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    const tmp = `${file}.tmp`
    writeFileSync(tmp, JSON.stringify(pending), { mode: 0o600 })
    renameSync(tmp, file)
    pending = undefined
  }
  return {
    save(data: SandboxData) {
      pending = data
      timer ??= setTimeout(flush, delayMs)
    },
    flush() {
      if (timer) clearTimeout(timer)
      flush()
    }
  }
}
