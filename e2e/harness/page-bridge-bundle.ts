import { build } from 'esbuild'
import { join } from 'node:path'

/** The page-side bridge as one script, for Playwright's addInitScript. */
export async function buildPageBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false
  })
  return result.outputFiles[0]?.text ?? ''
}
