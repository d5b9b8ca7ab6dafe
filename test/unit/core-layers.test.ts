import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { CORE_LAYERS } from '../../eslint/core-layers.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const CORE = join(ROOT, 'src', 'main', 'core')
const eslint = new ESLint({ cwd: ROOT })

/** What `npm run lint` says of a file of the core with this text. */
async function layerErrors(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(CORE, path) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'omnivms/core-layers').map((m) => m.message)
}

describe('inside the core, one way down (omnivms/core-layers)', () => {
  it('an import back up — orders reaching for the session that builds them — fails the lint', async () => {
    const errors = await layerErrors('orders/probe.ts', "import type { AuthSession } from '../session/auth-session'\nexport type Probe = AuthSession\n")
    expect(errors).toEqual([expect.stringMatching(/^orders \(layer \d+\) may not import session \(layer \d+\)/)])
  })

  it('an import down — the session building the orders — passes, as does one inside a folder', async () => {
    expect(await layerErrors('session/probe.ts', "import type { InboxService } from '../orders/inbox-service'\nexport type Probe = InboxService\n")).toEqual([])
    expect(await layerErrors('orders/probe.ts', "import type { InboxService } from './inbox-service'\nexport type Probe = InboxService\n")).toEqual([])
  })

  it('two concerns on one layer may not lean on each other either (no circle can form)', async () => {
    expect(await layerErrors('offline/probe.ts', "import type { ReportUploads } from '../uploads/report-upload'\nexport type Probe = ReportUploads\n")).toHaveLength(1)
  })

  it('every folder and top-level file of the core has a layer', () => {
    const units = readdirSync(CORE, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '')))
    expect(units.filter((unit) => !CORE_LAYERS.flat().includes(unit))).toEqual([])
  })
})
