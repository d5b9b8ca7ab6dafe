import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '..', '..')
interface Step {
  name?: string
  uses?: string
  run?: string
  env?: Record<string, string>
}
interface Job {
  needs?: string | string[]
  permissions?: Record<string, string>
  env?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  permissions?: Record<string, string>
  env?: Record<string, string>
  jobs: Record<string, Job>
}
const workflow = (name: string): { text: string; parsed: Workflow } => {
  const text = readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8')
  return { text, parsed: parse(text) as Workflow }
}
const SECRET = /\$\{\{\s*secrets\./

describe('release.yml, as careful Electron projects release', () => {
  const { parsed, text } = workflow('release.yml')

  it('holds the tag to package.json’s version and runs the tests before anything is built', () => {
    const verify = parsed.jobs.verify
    expect(verify?.steps.some((s) => s.run?.includes('does not match package.json'))).toBe(true)
    expect(verify?.steps.some((s) => s.run?.includes('npm test'))).toBe(true)
    expect(parsed.jobs.build?.needs).toBe('verify')
    expect(parsed.jobs.publish?.needs).toBe('build')
  })

  it('lets only the publishing job write, and nothing by default', () => {
    expect(parsed.permissions).toEqual({})
    for (const [name, job] of Object.entries(parsed.jobs)) expect(job.permissions?.contents, name).toBe(name === 'publish' ? 'write' : 'read')
  })

  it('keeps signing secrets out of every step but the one that builds the installers', () => {
    expect(JSON.stringify(parsed.env ?? {})).not.toMatch(SECRET)
    for (const job of Object.values(parsed.jobs)) {
      expect(JSON.stringify(job.env ?? {})).not.toMatch(SECRET)
      for (const step of job.steps) {
        const holds = SECRET.test(JSON.stringify(step.env ?? {}))
        if (step.run?.includes('npm ci')) expect(holds, 'npm ci runs install scripts').toBe(false)
        if (holds) expect(step.name ?? '', 'a step with secrets').toMatch(/^(Build the installers|Decide whether this build is signed)/)
      }
    }
    // The deciding step sees only whether each secret is set.
    const decide = parsed.jobs.build?.steps.find((s) => s.name?.startsWith('Decide'))
    for (const value of Object.values(decide?.env ?? {})) expect(value).toMatch(/^\$\{\{ secrets\.\w+ != '' \}\}$/)
  })

  it('gives notarytool a path to the .p8 key, never its contents', () => {
    const build = parsed.jobs.build?.steps.find((s) => s.name?.startsWith('Build the installers'))
    expect(build?.env?.APPLE_API_KEY).toBeUndefined()
    expect(build?.run).toMatch(/key_file="\$RUNNER_TEMP\/AuthKey_\$\{APPLE_API_KEY_ID\}\.p8"/)
    expect(build?.run).toContain('export APPLE_API_KEY="$key_file"')
    expect(text).not.toMatch(/APPLE_API_KEY: \$\{\{ secrets\.APPLE_API_KEY \}\}/)
  })
})

describe.each(['ci.yml', 'release.yml'])('%s', (name) => {
  const { parsed, text } = workflow(name)
  it('pins every third-party action by commit', () => {
    const uses = Object.values(parsed.jobs).flatMap((job) => job.steps.map((s) => s.uses).filter((u): u is string => Boolean(u)))
    expect(uses.length).toBeGreaterThan(0)
    for (const use of uses) expect(use).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/)
  })

  it('caches the Electron download where its installer looks (electron_config_cache), on Node 22', () => {
    expect(text).not.toMatch(/^\s*ELECTRON_CACHE:/m)
    if (name === 'ci.yml') expect(Object.values(parsed.jobs)[0]?.env?.electron_config_cache).toContain('.cache/electron')
    expect(text).toMatch(/node-version: 22/)
  })
})

describe('ci.yml', () => {
  it('packs and checks every OS’s layout once, inside npm test', () => {
    const { text } = workflow('ci.yml')
    expect(text).not.toMatch(/run: npm run package:check/)
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.test).toMatch(/package:check$/)
  })
})

describe('package.json', () => {
  it('asks for the Node the dependencies need (Electron 45’s tooling, electron-store: 22.12)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines).toEqual({ node: '>=22.12' })
  })
})
