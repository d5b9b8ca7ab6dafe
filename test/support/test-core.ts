import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../src/main/core/app-core'
import { createLogger } from '../../src/main/core/logger'
import { KnownPersonalValues } from '../../src/main/core/privacy/known-personal-values'
import type { Clock, SecretCipher } from '../../src/main/core/ports'
import { createConfStore } from '../../src/main/core/storage/conf-store'
import { callChannel, type CallInput, type IpcCallName } from '../../src/shared/ipc/contract'
import { decodeOutput, type DecodedOutput } from '../../src/shared/ipc/wire-decoders'
import type { Result } from '../../src/shared/ipc/result'
import { createKeychainCipher } from './keychain-cipher'
import { createScriptedDialogs } from './scripted-dialogs'
import { memoryLogTail, nodeAppInfo, recordingFolders } from './node-ports'
import type { HttpFetch, Notifier, PdfPrinter, UpdaterPort } from '../../src/main/core/ports'
import { createSystemFetch } from '../../src/main/core/net/system-fetch'

export const APP_ORIGIN = 'app://omnivms'
export const TRUSTED_SENDER = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true }

export function tempProfile(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'omnivms-test-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }) }
}

type InputArgs<N extends IpcCallName> = [CallInput<N>] extends [undefined] ? [] : undefined extends CallInput<N> ? [CallInput<N>?] : [CallInput<N>]

export interface TestCore {
  core: AppCore
  dialogs: ReturnType<typeof createScriptedDialogs>
  logs: string[]
  events: { channel: string; payload: unknown }[]
  call<N extends IpcCallName>(name: N, ...input: InputArgs<N>): Promise<Result<DecodedOutput<N>>>
  ok<N extends IpcCallName>(name: N, ...input: InputArgs<N>): Promise<DecodedOutput<N>>
}

/** The real main-process logic with Node ports: conf store in `profileDir`, a stand-in keychain. */
export function startTestCore(options: {
  sandboxUrl: string
  profileDir: string
  cipher?: SecretCipher
  clock?: Clock
  maxUploadBytes?: number
  updater?: UpdaterPort
  builtInUpdateFeed?: string
  /** How platform requests leave the app; by default the app's own system fetch, going direct. */
  fetch?: HttpFetch
  /** OS notifications (none by default). */
  notifier?: Notifier
  /** Prints the window to PDF (none by default: a core without a window). */
  printer?: PdfPrinter
}): TestCore {
  const dialogs = createScriptedDialogs()
  const logs: string[] = []
  const events: { channel: string; payload: unknown }[] = []
  const knownPersonal = new KnownPersonalValues()
  const logger = createLogger((_level, line) => logs.push(line), knownPersonal)
  const core = createAppCore({
    dataDir: options.profileDir,
    knownPersonal,
    store: createConfStore(options.profileDir, logger),
    cipher: options.cipher ?? createKeychainCipher(),
    fetch: options.fetch ?? createSystemFetch({ resolveProxy: async () => 'DIRECT', logger }),
    logger,
    sandbox: { url: async () => options.sandboxUrl },
    external: { open: async () => undefined, confirm: async () => true },
    dialogs,
    folders: recordingFolders(),
    logTail: memoryLogTail(logs),
    appInfo: nodeAppInfo(),
    updater: options.updater ?? null,
    builtInUpdateFeed: options.builtInUpdateFeed ?? null,
    maxUploadBytes: options.maxUploadBytes,
    notifier: options.notifier ?? null,
    printer: options.printer ?? null,
    trustedOrigins: [APP_ORIGIN],
    clock: options.clock
  })
  core.subscribe((channel, payload) => events.push({ channel, payload }))
  // As the window's bridge does: main's answer, turned back from its compact IPC form where it has one.
  const call = (async (name: IpcCallName, input?: unknown) => {
    const result = await core.dispatch(callChannel(name), TRUSTED_SENDER, input)
    return result.ok ? { ok: true, value: decodeOutput(name, result.value) } : result
  }) as TestCore['call']
  const ok = (async (name: IpcCallName, input?: unknown) => {
    const result = await core.dispatch(callChannel(name), TRUSTED_SENDER, input)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
    return decodeOutput(name, result.value)
  }) as TestCore['ok']
  return { core, dialogs, logs, events, call, ok }
}
