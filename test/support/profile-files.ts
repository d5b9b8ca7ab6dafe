import { existsSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'

/** Every file and folder below `dir`, with its stat. */
export function walkProfile(dir: string): { path: string; stat: Stats }[] {
  const found: { path: string; stat: Stats }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const stat = statSync(path)
    found.push({ path, stat })
    if (stat.isDirectory()) found.push(...walkProfile(path))
  }
  return found
}

/** Every file under the profile folder (up to 5 MB each), as text: where a secret could have been written. */
export function profileText(dir: string): string {
  return walkProfile(dir)
    .filter(({ stat }) => stat.isFile() && stat.size < 5 * 1024 * 1024)
    .map(({ path }) => readFileSync(path, 'latin1'))
    .join('\n')
}

/** The folders sessions keep their data in, one per account and environment (named by a hash of the two). */
export function sessionFolders(dir: string): string[] {
  const root = join(dir, 'sessions')
  return existsSync(root) ? readdirSync(root).map((name) => join(root, name)) : []
}
