import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { IPC_CALL_NAMES, callChannel, ipcCalls, type IpcCallName } from '../../src/shared/ipc/contract'
import { TRUSTED_SENDER, startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { internalErrorsIn, newStats, saveStats, watchMemory, watchProcess } from './stats'

/**
 * Every contract call, fed hostile input through the real dispatcher: wrong types, huge strings,
 * deep nesting, prototype keys, odd ids. Always an envelope, never a throw, nothing internal or
 * secret in a message, and no platform request for input the contract refuses.
 */
const stats = newStats()
const stopWatching = watchMemory(stats)
const stopWatchingProcess = watchProcess(stats)

// Calls whose valid input would change the session or open a dialog: fed only input the contract refuses.
const SIDE_EFFECTS = new Set<IpcCallName>([
  'signOut',
  'signIn',
  'resetPassword',
  'requestPasswordReset',
  'pickReportFiles',
  'exportDiagnostics',
  'restartToUpdate',
  'openLogsFolder',
  'openExternal',
  'performOrderAction',
  'uploadReport',
  'setWeakStorageChoice',
  'updateSettings',
  'saveDraft',
  'discardDraft',
  'downloadDocument'
])
const RUNS_PER_CALL = 200
const LEAKY = /\bat \S+ \(|\.tsx?:\d+|node_modules|TypeError|ReferenceError|at_[A-Za-z0-9_-]{8}|rt_[A-Za-z0-9_-]{8}/

const oddIds = ['', '.', '..', '../x', 'a/b', 'a\\b', '%2e%2e', '\u0000', 'ord-10001\u202e', '?q=1', '#frag', 'x'.repeat(5_000), '__proto__', 'constructor']
const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'then', 'valueOf']
const fieldNames = ['ref', 'clientId', 'loanId', 'orderId', 'action', 'type', 'uploadId', 'fileIds', 'documentId', 'key', 'value', 'url', 'environment', 'kind', 'email', 'password', 'keepSignedIn', 'code', 'newPassword', 'choice', 'updates', 'channel', 'feedUrl', 'message', 'stack', 'source', 'reason', 'inspectionAt', 'slotId']

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { ref: value } : [value]
  return value
}

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
    fc.constantFrom(...oddIds),
    fc.constant('A'.repeat(300_000)),
    fc.integer({ min: 0, max: 3000 }).map(nested),
    fc.dictionary(fc.constantFrom(...fieldNames, ...protoKeys), tie('value'), { maxKeys: 6 }),
    fc.array(tie('value'), { maxLength: 4 })
  )
})).value

/** Objects shaped like the call's own input, with hostile values in the fields. */
const shapedLikeInput = fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { minKeys: 1, maxKeys: 6 })
const withProtoKeys = fc.constantFrom(...protoKeys).map((key) => JSON.parse(`{"${key}": {"polluted": true}, "ref": {"clientId": "..", "loanId": ".", "orderId": "a/b"}}`) as unknown)
const anyInput = fc.oneof(hostileValue, shapedLikeInput, withProtoKeys, fc.constant(undefined))

let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let app: TestCore

beforeAll(async () => {
  sandbox = await startSandboxServer()
  profile = tempProfile()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
})
afterAll(async () => {
  stopWatching()
  stopWatchingProcess()
  stats.crashes += internalErrorsIn(app.logs)
  stats.faultsTriggered += sandbox.sandbox.faultsTriggered
  saveStats('ipc-fuzz', stats)
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

const isEnvelope = (value: unknown): value is { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } => {
  if (typeof value !== 'object' || value === null) return false
  const r = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return 'value' in r
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string'
}

describe('IPC fuzz through the real dispatcher', () => {
  for (const name of IPC_CALL_NAMES) {
    it(`${name}: always an envelope, nothing leaked, no request for refused input`, async () => {
      const spec = ipcCalls[name]
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          const valid = spec.input.safeParse(input).success
          if (valid && SIDE_EFFECTS.has(name)) return
          const before = sandbox.sandbox.requests.length
          let result: unknown
          try {
            result = await app.core.dispatch(callChannel(name), TRUSTED_SENDER, input)
          } catch (error) {
            stats.crashes++
            throw error
          }
          stats.inputs++
          expect(isEnvelope(result)).toBe(true)
          const text = JSON.stringify(result)
          if (isEnvelope(result) && !result.ok) {
            expect(result.error.message.length).toBeLessThan(1_000)
            expect(result.error.message).not.toMatch(LEAKY)
          }
          const leaked = sandbox.sandbox.issuedTokens().filter((token) => text.includes(token))
          stats.secretsFound += leaked.length
          expect(leaked).toEqual([])
          if (!valid) expect(sandbox.sandbox.requests.length).toBe(before)
        }),
        { numRuns: RUNS_PER_CALL, seed: 20261128 + IPC_CALL_NAMES.indexOf(name) }
      )
    })
  }

  it('refuses every call from a sender that is not the app window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IPC_CALL_NAMES),
        fc.oneof(fc.webUrl(), fc.constantFrom('app://omnivms.evil/index.html', 'file:///etc/passwd', 'about:blank', '', 'app://omnivms@evil.example/')),
        fc.boolean(),
        async (name, url, isMainFrame) => {
          const before = sandbox.sandbox.requests.length
          const result = await app.core.dispatch(callChannel(name), { url, isMainFrame: url.startsWith('app://omnivms/') ? false : isMainFrame }, undefined)
          stats.inputs++
          expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
          expect(sandbox.sandbox.requests.length).toBe(before)
        }
      ),
      { numRuns: 300, seed: 7 }
    )
  })

  it('answers unknown channels with an envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), anyInput, async (channel, input) => {
        const result = await app.core.dispatch(channel, TRUSTED_SENDER, input)
        stats.inputs++
        expect(isEnvelope(result)).toBe(true)
      }),
      { numRuns: 200, seed: 11 }
    )
  })
})
