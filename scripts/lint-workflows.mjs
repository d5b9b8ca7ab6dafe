// `npm run lint:workflows`: every GitHub workflow file validated against its schema by
// @action-validator/cli (offline). Exits non-zero naming the file and the failing path.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const folder = join(root, '.github', 'workflows')
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name))
if (files.length === 0) {
  console.error('lint:workflows: no workflow files in .github/workflows')
  process.exit(1)
}
const validator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs')
let failed = 0
for (const file of files) {
  const result = spawnSync(process.execPath, [validator, file], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.error(`lint:workflows: ${file} is not a valid workflow`)
  }
}
console.log(`lint:workflows: ${files.length - failed} of ${files.length} workflow files valid`)
process.exit(failed === 0 ? 0 : 1)
