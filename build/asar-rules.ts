/** What may be inside app.asar, and what must be. Used by `npm run package:check` and its unit test. */

interface LockFile {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>
}

/**
 * The production dependency tree as "name@version", from package-lock.json. By name and version,
 * not by folder: electron-builder lays node_modules out anew (it hoists a nested copy when it can).
 */
export function productionPackages(lock: LockFile): Set<string> {
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev && !info.devOptional)
      .map(([path, info]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version}`)
  )
}

const REQUIRED = ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']

/** Problems with the list of files in app.asar (paths like "/out/main/index.js"); empty when all is well. */
export function checkAsarContents(
  files: readonly string[],
  /** name@version of the package whose folder this is, from its package.json inside the asar. */
  packageAt: (folder: string) => string | null,
  production: ReadonlySet<string>,
  directDependencies: readonly string[]
): string[] {
  const problems: string[] = []
  const present = new Set(files.map((f) => f.replace(/^\//, '')))
  for (const file of present) {
    if (file.endsWith('.map')) problems.push(`source map shipped: ${file}`)
    if (file === 'package.json') continue
    if (/^out\/(main|preload|renderer)\//.test(file)) continue
    if (file.startsWith('node_modules/')) {
      const folder = packageFolderOf(file)
      const owner = folder === null ? null : packageAt(folder)
      if (owner === null || !production.has(owner)) problems.push(`not a production dependency: ${file}${owner ? ` (${owner})` : ''}`)
      continue
    }
    problems.push(`outside the allowed set (out/, package.json, production dependencies): ${file}`)
  }
  for (const file of [...REQUIRED, ...directDependencies.map((d) => `node_modules/${d}/package.json`)]) {
    if (!present.has(file)) problems.push(`required file missing: ${file}`)
  }
  return problems
}

/** "node_modules/@scope/name/…/node_modules/x/lib/y.js" → "node_modules/@scope/name/…/node_modules/x". */
function packageFolderOf(file: string): string | null {
  const parts = file.split('/')
  let folder: string | null = null
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules') continue
    const name = parts[i + 1]?.startsWith('@') ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1]
    if (!name) return null
    folder = [...parts.slice(0, i + 1), name].join('/')
    i += name.split('/').length
  }
  return folder
}
