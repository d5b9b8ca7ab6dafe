/**
 * Upload of a large report file (default 500 MB): throughput and the peak memory of the process
 * doing the upload — the app's main-process logic against a plain Node streaming upload of the
 * same bytes to the same sandbox (the baseline). The sandbox runs in its own process. Prints
 * figures; asserts nothing.
 *
 *   npm run bench:upload            (SIZE_MB=100 npm run bench:upload for a quicker run)
 */
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const SIZE_MB = Number(process.env.SIZE_MB ?? 500)
const root = resolve(import.meta.dirname, '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const dir = mkdtempSync(join(tmpdir(), 'omnivms-upload-bench-'))
const file = join(dir, 'large-report.pdf')

// A PDF header, then incompressible bytes.
const fd = openSync(file, 'w')
writeSync(fd, Buffer.from('%PDF-1.7\n'))
const block = randomBytes(1024 * 1024)
for (let i = 0; i < SIZE_MB; i++) writeSync(fd, block)
closeSync(fd)
const bytes = SIZE_MB * 1024 * 1024 + 9

const sandbox = spawn(tsx, [join(root, 'src', 'sandbox', 'cli.ts'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise<string>((resolveUrl, reject) => {
  sandbox.stdout.on('data', (chunk: Buffer) => {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())
    if (match?.[1]) resolveUrl(match[1])
  })
  sandbox.once('exit', () => reject(new Error('the sandbox exited')))
})

type Run = { mode: string; ms: number; beforeMb: number; peakMb: number; progressEvents?: number }
const run = async (mode: 'app' | 'baseline'): Promise<Run> => {
  // Each run starts with the previous upload's 500 MB written out: otherwise the disk writeback of
  // one run slows the next, and whichever runs first looks fastest.
  await promisify(execFile)('sync')
  const { stdout } = await promisify(execFile)(tsx, [join(root, 'bench', 'upload-worker.ts'), mode, url, file], { maxBuffer: 1 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Run
}

try {
  const results: Run[] = []
  for (let round = 0; round < 3; round++) results.push(await run('baseline'), await run('app'))
  console.log(`Upload of a ${SIZE_MB} MB file to the local sandbox (sandbox in its own process; Node ${process.version}):`)
  for (const mode of ['baseline', 'app'] as const) {
    const runs = results.filter((r) => r.mode === mode)
    const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b))
    const label = mode === 'app' ? 'app (pre-flight, submission, streamed PUT with progress, submit)' : 'plain Node streaming PUT (baseline)'
    console.log(
      `  ${label}: ${(bytes / (1024 * 1024) / (best.ms / 1000)).toFixed(0)} MB/s (${(best.ms / 1000).toFixed(2)} s), ` +
        `peak RSS ${Math.max(...runs.map((r) => r.peakMb))} MB (${Math.max(...runs.map((r) => r.peakMb - r.beforeMb))} MB above its level before the upload)` +
        (best.progressEvents ? `, ${best.progressEvents} progress events` : '')
    )
  }
  const best = (mode: string) => Math.min(...results.filter((r) => r.mode === mode).map((r) => r.ms))
  console.log(`  app throughput ÷ baseline: ${(best('baseline') / best('app')).toFixed(2)}× (best of 3 each, runs alternated)`)
} finally {
  sandbox.kill()
  rmSync(dir, { recursive: true, force: true })
}
