/**
 * electron-updater's own updater for each OS (NsisUpdater, MacUpdater, DebUpdater), made in plain
 * Node the way electron-builder's own updater tests make them: a plain object for Electron's app,
 * Node's http for Electron's net module, and `_testOnlyOptions.platform` for the OS whose feed file
 * it reads. Everything else — the provider, the feed file names, the YAML, the version rules, the
 * download and its checks, Windows' signature verification — is electron-updater's.
 *
 * Windows' signature check asks PowerShell's Get-AuthenticodeSignature about the downloaded
 * installer; `answerAuthenticode` stands in for that one answer, as the signer a real Windows
 * would report.
 */
import { createHash } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, request, type IncomingMessage, type RequestOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppUpdater } from 'electron-updater'
import { DebUpdater } from 'electron-updater/out/DebUpdater'
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor'
import { createLogger } from '../../src/main/core/logger'
import { createElectronUpdater } from '../../src/main/electron/updater'
import { NsisUpdater } from 'electron-updater/out/NsisUpdater'

const require = createRequire(import.meta.url)
export type UpdaterPlatform = 'win32' | 'darwin' | 'linux'

/** electron-updater's own executor (its download, redirects, checksums), sending through Node's http instead of Electron's net. */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest offers what electron-updater uses of Electron's (on, end, abort, setHeader).
    return request(options, callback) as unknown as ReturnType<ElectronHttpExecutor['createRequest']>
  }
}

/** MacUpdater hands the download to Electron's Squirrel.Mac (`electron.autoUpdater`); plain Node has none, so a silent one stands in. */
function macUpdaterClass(): new (options: undefined, app: unknown) => AppUpdater {
  const electronPath = require.resolve('electron')
  if (!require.cache[electronPath]) {
    const squirrel = Object.assign(new EventEmitter(), { setFeedURL: () => undefined, checkForUpdates: () => undefined, quitAndInstall: () => undefined })
    require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: { autoUpdater: squirrel } } as unknown as NodeJS.Module
  }
  return (require('electron-updater/out/MacUpdater') as { MacUpdater: new (options: undefined, app: unknown) => AppUpdater }).MacUpdater
}

export interface TestUpdater {
  updater: AppUpdater
  /** The cache and profile folder; removed by `dispose`. */
  dir: string
  dispose(): void
}

/** `platform`'s updater for an app at `version`; `appUpdateConfig` writes the packed app-update.yml it reads (Windows: its publisherName) into its folder. */
export function electronUpdaterFor(platform: UpdaterPlatform, options: { version?: string; appUpdateConfig?: (dir: string) => string } = {}): TestUpdater {
  const dir = mkdtempSync(join(tmpdir(), `omnivms-updater-${platform}-`))
  const app = {
    version: options.version ?? '0.1.0',
    name: 'OmniValVMS Desktop',
    isPackaged: true,
    appUpdateConfigPath: options.appUpdateConfig?.(dir) ?? join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined
  }
  const Updater = platform === 'win32' ? NsisUpdater : platform === 'darwin' ? macUpdaterClass() : DebUpdater
  const updater = new Updater(undefined, app)
  // electron-updater's own test hooks: which OS's feed it reads, and whole downloads only.
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor(), _testOnlyOptions: { platform, isUseDifferentialDownload: false } })
  return { updater, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The Linux feed's name carries the machine's arch (latest-linux-arm64.yml); tests name the x64 one wherever they run. */
export function feedForX64(): () => void {
  const before = process.env.TEST_UPDATER_ARCH
  process.env.TEST_UPDATER_ARCH = 'x64'
  return () => {
    if (before === undefined) delete process.env.TEST_UPDATER_ARCH
    else process.env.TEST_UPDATER_ARCH = before
  }
}

type ExecFileCallback = (error: Error | null, stdout: string, stderr: string) => void

/**
 * Until the returned function is called, PowerShell's Get-AuthenticodeSignature answers that the
 * installer it is asked about is validly signed by `subject` (a certificate subject DN). Every other
 * command runs as usual.
 */
export function answerAuthenticode(subject: string): () => void {
  const childProcess = require('node:child_process') as { execFile: (...args: unknown[]) => unknown }
  const real = childProcess.execFile
  childProcess.execFile = (...args: unknown[]) => {
    const [command, argv] = args as [string, string[]]
    const script = Array.isArray(argv) ? argv.join(' ') : ''
    const asked = /Get-AuthenticodeSignature -LiteralPath '((?:[^']|'')*)'/.exec(script)
    if (typeof command !== 'string' || !command.includes('powershell') || !asked) return real(...args)
    const callback = args.at(-1) as ExecFileCallback
    const path = (asked[1] ?? '').replaceAll("''", "'")
    setImmediate(() => callback(null, JSON.stringify({ Status: 0, StatusMessage: 'Signature verified.', Path: path, SignerCertificate: { Subject: subject } }), ''))
    return undefined
  }
  return () => {
    childProcess.execFile = real
  }
}

/**
 * What Windows' updater (through the app's port) does with version 0.2.0 of an installer signed by
 * each of `signers`, for an app whose packed app-update.yml is `appUpdateConfig` (null: none packed):
 * 'downloaded', or the error it refused with. The feed is served from 127.0.0.1.
 */
export async function windowsUpdateVerdicts(appUpdateConfig: string | null, signers: readonly string[]): Promise<string[]> {
  const installer = Buffer.from('MZ an installer, as far as this check is concerned\n'.repeat(64))
  const sha512 = createHash('sha512').update(installer).digest('base64')
  const name = 'OmniValVMS Desktop Setup 0.2.0.exe'
  const server = createServer((req, res) => {
    const path = decodeURI((req.url ?? '').split('?')[0] ?? '')
    if (path === `/${name}`) return void res.writeHead(200, { 'content-length': installer.length }).end(installer)
    if (path !== '/latest.yml') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(`version: 0.2.0\nfiles:\n  - url: ${encodeURI(name)}\n    sha512: ${sha512}\n    size: ${installer.length}\npath: ${encodeURI(name)}\nsha512: ${sha512}\nreleaseDate: 2026-11-20T10:00:00.000Z\n`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const verdicts: string[] = []
  try {
    for (const signer of signers) {
      const made = electronUpdaterFor('win32', appUpdateConfig === null ? {} : { appUpdateConfig: () => appUpdateConfig })
      const restore = answerAuthenticode(signer)
      try {
        // What electron-updater logs of a refusal is the verdict itself; it is returned, not printed.
        const port = createElectronUpdater(createLogger(() => undefined), made.updater)
        port.setFeed({ url, channel: 'stable' })
        if ((await port.checkForUpdate()) !== '0.2.0') throw new Error('the feed offered no 0.2.0')
        verdicts.push(await port.download().then(() => 'downloaded', (error: unknown) => (error instanceof Error ? `${(error as Error & { code?: string }).code ?? ''} ${error.message}`.trim() : String(error))))
      } finally {
        restore()
        made.dispose()
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
  return verdicts
}
