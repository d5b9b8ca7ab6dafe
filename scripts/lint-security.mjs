// `npm run lint:security`: Doyensec's Electronegativity over the sources (src/) and the built app
// (out/), failing on any finding of medium severity or above. Accepted findings are silenced where
// they are, with an `eng-disable` comment that says why. Electronegativity looks up Electron's
// release list online; without the internet it says so and checks with what it has.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])
const targets = ['src', 'out']
if (!existsSync(join(root, 'out'))) {
  console.error('lint:security: out/ is missing — run `npm run build` first (npm test builds it before this step)')
  process.exit(1)
}

/** The report's rows (Electronegativity's CSV: quoted fields, no embedded newlines in our code's samples). */
function rows(csv) {
  const lines = csv.split('\n').slice(1).filter((line) => line.trim() !== '')
  return lines.map((line) => {
    const fields = []
    let field = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (c === '"' && line[i + 1] === '"' && quoted) {
        field += '"'
        i++
      } else if (c === '"') quoted = !quoted
      else if (c === ',' && !quoted) {
        fields.push(field.trim())
        field = ''
      } else field += c
    }
    fields.push(field.trim())
    return { check: fields[0], severity: fields[1], file: fields[3], location: fields[4], description: fields[6] }
  })
}

const folder = mkdtempSync(join(tmpdir(), 'omnivms-eng-'))
let blocking = 0
try {
  for (const target of targets) {
    const report = join(folder, `${target}.csv`)
    const run = spawnSync(process.execPath, [cli, '-i', join(root, target), '-e', electronVersion, '-o', report], { cwd: root, encoding: 'utf8' })
    if (!existsSync(report)) {
      console.error(run.stdout, run.stderr)
      console.error(`lint:security: Electronegativity wrote no report for ${target}/`)
      process.exit(1)
    }
    const found = rows(readFileSync(report, 'utf8'))
    const bad = found.filter((f) => BLOCKING.has(f.severity))
    for (const f of bad) console.error(`  ${f.severity} ${f.check} ${f.file}:${f.location} — ${f.description}`)
    console.log(`lint:security: ${target}/ — ${found.length} findings, ${bad.length} of medium severity or above`)
    blocking += bad.length
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
process.exit(blocking === 0 ? 0 : 1)
