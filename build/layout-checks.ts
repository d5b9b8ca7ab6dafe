/**
 * What `package:check` proves of each OS's packed layout: the executable is where the packager
 * said, its fuses read back as build/fuses.ts decides, app.asar's integrity is embedded where that
 * OS's Electron reads it (and is the archive's), app-update.yml is packed with the Windows
 * publisher name, and the folders and files the workflows upload match what electron-builder made.
 */
import asar from '@electron/asar'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import picomatch from 'picomatch'
import plist from 'plist'
import { NtExecutable, NtExecutableResource } from 'resedit'
import { parse as parseYaml } from 'yaml'
import { FUSES } from './fuses'
import { packagedBinary, type PackagedApp } from './packaged-app'

/** app.asar inside a layout. */
export function asarOf(output: string, app: PackagedApp): string {
  const executable = join(output, app.executable)
  return app.platform === 'darwin' ? join(executable, 'Contents', 'Resources', 'app.asar') : join(output, app.appOutDir, 'resources', 'app.asar')
}

export function resourcesOf(output: string, app: PackagedApp): string {
  return app.platform === 'darwin' ? join(output, app.executable, 'Contents', 'Resources') : join(output, app.appOutDir, 'resources')
}

export async function fuseProblems(executable: string): Promise<string[]> {
  const wire = await getCurrentFuseWire(executable)
  const problems: string[] = []
  for (const [option, enabled] of Object.entries(FUSES)) {
    const index = Number(option) as FuseV1Options
    if (wire[index] !== (enabled ? FuseState.ENABLE : FuseState.DISABLE)) problems.push(`fuse ${FuseV1Options[index]} is not ${enabled ? 'on' : 'off'}`)
  }
  return problems
}

/** The hash Electron checks app.asar against: SHA-256 of the archive's header. */
export function asarHeaderHash(asarPath: string): string {
  return createHash('sha256').update(asar.getRawHeader(asarPath).headerString).digest('hex')
}

/** Where the OS's Electron reads app.asar's expected hash from: a PE resource (Windows), Info.plist (macOS); Linux has none. */
export function embeddedAsarHash(output: string, app: PackagedApp): string | null {
  const executable = join(output, app.executable)
  if (app.platform === 'win32') {
    const resource = NtExecutableResource.from(NtExecutable.from(readFileSync(executable)))
    const entry = resource.entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR')
    if (!entry) return null
    const list = JSON.parse(Buffer.from(entry.bin).toString('utf8')) as { file: string; alg: string; value: string }[]
    return list.find((e) => e.file === 'resources\\app.asar' && e.alg === 'SHA256')?.value ?? null
  }
  if (app.platform === 'darwin') {
    const info = plist.parse(readFileSync(join(executable, 'Contents', 'Info.plist'), 'utf8')) as { ElectronAsarIntegrity?: Record<string, { algorithm: string; hash: string }> }
    const entry = info.ElectronAsarIntegrity?.['Resources/app.asar']
    return entry?.algorithm === 'SHA256' ? entry.hash : null
  }
  return null
}

export interface UpdateConfig {
  provider?: string
  url?: string
  publisherName?: string[] | string
}

export function packedUpdateConfig(output: string, app: PackagedApp): UpdateConfig | null {
  const file = join(resourcesOf(output, app), 'app-update.yml')
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as UpdateConfig) : null
}

export async function layoutProblems(output: string, app: PackagedApp, expect: { publisherName: string | null }): Promise<string[]> {
  const problems: string[] = []
  const executable = join(output, app.executable)
  const binary = packagedBinary(app.platform, executable)
  if (!existsSync(binary)) return [`the executable ${app.executable} is missing`]
  problems.push(...(await fuseProblems(executable)))
  const asarPath = asarOf(output, app)
  if (!existsSync(asarPath)) return [...problems, 'app.asar is missing']
  if (app.platform !== 'linux') {
    const embedded = embeddedAsarHash(output, app)
    if (embedded === null) problems.push('no asar integrity is embedded')
    else if (embedded !== asarHeaderHash(asarPath)) problems.push('the embedded asar integrity is not the archive’s')
  }
  const update = packedUpdateConfig(output, app)
  if (update === null) problems.push('app-update.yml is not packed')
  else if (update.provider !== 'generic') problems.push(`app-update.yml names provider ${update.provider ?? 'none'}`)
  if (app.platform === 'win32' && expect.publisherName !== null) {
    const names = [update?.publisherName ?? []].flat()
    if (!names.includes(expect.publisherName)) problems.push(`app-update.yml has no publisherName "${expect.publisherName}": updates would install unverified`)
  }
  return problems
}

interface Workflow {
  jobs?: Record<string, { steps?: { name?: string; uses?: string; with?: { path?: string } }[] }>
}

/** The `path:` globs of a workflow's upload-artifact steps (optionally only the steps whose name matches). */
export function uploadGlobs(workflowText: string, stepName?: RegExp): string[] {
  const workflow = parseYaml(workflowText) as Workflow
  return Object.values(workflow.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses?.startsWith('actions/upload-artifact') && (!stepName || stepName.test(step.name ?? '')))
    .flatMap((step) => (step.with?.path ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Paths (relative to the repository, under dist/) that no glob uploads. */
export function notUploaded(paths: readonly string[], globs: readonly string[]): string[] {
  const positive = globs.filter((g) => !g.startsWith('!')).map((g) => picomatch(g.replace(/\/$/, ''), { dot: true }))
  return paths.filter((path) => !positive.some((matches) => matches(path.replace(/\/$/, ''))))
}
