import fc from 'fast-check'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { createFileLog } from '../../src/main/core/logging/file-log'
import { KnownPersonalValues } from '../../src/main/core/privacy/known-personal-values'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer } from '../../src/sandbox/server'
import { startTestCore, tempProfile } from '../support/test-core'
import { newStats, saveStats } from './stats'

/**
 * Secrets and personal values, hidden in every encoding the scrubber claims to see through and
 * nested at random in log fields, renderer error reports and the platform's error bodies: none may
 * reach the log file or a diagnostics export, in its plain form or its encoded one.
 */
const stats = newStats()
afterAll(() => saveStats('personal-data-encodings', stats))

type Kind = 'token' | 'password' | 'resetCode' | 'email' | 'phone' | 'borrower'
interface Secret {
  kind: Kind
  /** What must not be written. */
  value: string
  /** How it appears in the text (its label included where only a label says what it is). */
  text: string
}

const BORROWERS = ['Avery Chen', 'Maria Garcia-Lopez', 'Dmitri Volkov', 'Priya Raman'] as const

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`))
const valueArb: fc.Arbitrary<{ kind: Kind; value: string }> = fc.oneof(
  alnum(12, 24).map((v) => ({ kind: 'token' as const, value: `at_${v}` })),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#*]{7,15}\d$/).map((value) => ({ kind: 'password' as const, value })),
  fc.stringMatching(/^[A-Z0-9]{5}\d$/).map((value) => ({ kind: 'resetCode' as const, value })),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{2,12}[a-z]$/), fc.constantFrom('example.com', 'lakeshore-mortgage.test', 'mail.co')).map(([local, domain]) => ({ kind: 'email' as const, value: `${local}@${domain}` })),
  fc.tuple(fc.integer({ min: 200, max: 989 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('(%a) %b-%c', '%a-%b-%c', '+1 %a %b %c', '%a.%b.%c')).map(([a, b, c, shape]) => ({ kind: 'phone' as const, value: shape.replace('%a', String(a)).replace('%b', String(b)).replace('%c', String(c)) })),
  fc.constantFrom(...BORROWERS).map((value) => ({ kind: 'borrower' as const, value }))
)

/** The labelled forms that say a password or a code is one (a bare one is just a word). */
const labelled = (kind: Kind, value: string): fc.Arbitrary<string> => {
  if (kind === 'password') return fc.constantFrom(`password:${value}`, `password = ${value}`, `{'password': '${value}'}`, `{"password":"${value}"}`, `password=${value}&x=1`, `Password is ${value}`)
  if (kind === 'resetCode') return fc.constantFrom(`reset code ${value}`, `your code is ${value}`, `code=${value}`, `{"resetCode":"${value}"}`, `{'code': '${value}'}`, `Reset code: ${value}`)
  return fc.constant(value)
}

const html = (text: string) => text.replace(/[@.:="']/g, (c) => (Math.random() < 0.5 ? `&#x${c.charCodeAt(0).toString(16)};` : `&#${c.charCodeAt(0)};`))
const ENCODINGS: Record<string, (text: string) => string> = {
  plain: (t) => t,
  htmlEntities: html,
  xEscapes: (t) => t.replace(/[@.:=]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`),
  uEscapes: (t) => t.replace(/[@.:="']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  urlOnce: (t) => encodeURIComponent(t),
  urlTwice: (t) => encodeURIComponent(encodeURIComponent(t)),
  urlThrice: (t) => encodeURIComponent(encodeURIComponent(encodeURIComponent(t))),
  base64: (t) => Buffer.from(t).toString('base64'),
  base64url: (t) => Buffer.from(t).toString('base64url'),
  jsonInString: (t) => JSON.stringify(JSON.stringify({ detail: t }))
}
/** Base64 hides a bare password or code beyond any scrubber: those are tried only with their label inside. */
const secretArb: fc.Arbitrary<Secret & { encoding: string }> = valueArb.chain(({ kind, value }) =>
  fc.tuple(labelled(kind, value), fc.constantFrom(...Object.keys(ENCODINGS))).map(([text, encoding]) => ({ kind, value, encoding, text: (ENCODINGS[encoding] as (t: string) => string)(text) }))
)

/** Where the secret is put: a message, a safe field, a nested object, JSON inside a field, an error's stack. */
const placements = ['message', 'error', 'reason', 'nested', 'jsonField', 'stack', 'undeclared'] as const
const placed = fc.tuple(fc.array(secretArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(...placements), fc.string({ maxLength: 20 }))

function leaked(secrets: readonly Secret[], written: string): string[] {
  return secrets.filter((s) => written.includes(s.value) || (s.text.length >= 8 && written.includes(s.text))).map((s) => `${s.kind}: ${s.value} (as ${s.text})`)
}

describe('nothing personal leaves in any encoding', () => {
  it('log fields and messages: none reaches the log file', async () => {
    const profile = tempProfile()
    const fileLog = createFileLog(join(profile.dir, 'logs'), { echoToConsole: false })
    const known = new KnownPersonalValues()
    known.add('session-1', BORROWERS)
    const logger = createLogger(fileLog.sink, known)
    try {
      await fc.assert(
        fc.property(placed, ([secrets, where, noise]) => {
          stats.inputs++
          const logFile = join(profile.dir, 'logs', 'main.log')
          const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0
          const text = `${noise} ${secrets.map((s) => s.text).join(' then ')} ${noise}`
          if (where === 'message') logger.warn(`platform said: ${text}`)
          else if (where === 'nested') logger.warn('sync failed', { error: { detail: text, inner: [text] } })
          else if (where === 'jsonField') logger.warn('answer', { error: JSON.stringify({ detail: text, password: secrets[0]?.value }) })
          else if (where === 'undeclared') logger.warn('x', { detail: text })
          else logger.error('failed', { [where]: text })
          const written = readFileSync(logFile, 'utf8').slice(before)
          const found = leaked(secrets, written)
          stats.secretsFound += found.length
          expect(found).toEqual([])
        }),
        { numRuns: 600, seed: 20261207 }
      )
    } finally {
      profile.remove()
    }
  })

  it('renderer error reports and the platform’s error bodies: none reaches the log or a diagnostics export', { timeout: 120_000 }, async () => {
    const sandbox = await startSandboxServer()
    const profile = tempProfile()
    let body = '{}'
    // The platform answers an order list with an error body carrying the secrets.
    const fetchWithHostileErrors: typeof fetch = async (input, init) => {
      const url = String(input)
      if (/\/api\/clients\/[^/]+\/orders/.test(url) && body !== '{}') return new Response(body, { status: 422, headers: { 'content-type': 'application/json' } })
      return fetch(input, init)
    }
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, fetch: (input, init) => fetchWithHostileErrors(input, init) })
    try {
      await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
      await app.ok('listOrders')
      const borrowers = [...new Set(sandbox.sandbox.data.orders.filter((o) => o.vendorId === 'usr-vendor-1').map((o) => o.borrowerName))]
      const own = fc.constantFrom(...borrowers).chain((value) => fc.constantFrom(...Object.keys(ENCODINGS)).map((encoding) => ({ kind: 'borrower' as const, value, encoding, text: (ENCODINGS[encoding] as (t: string) => string)(value) })))
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(secretArb.filter((s) => s.kind !== 'borrower'), own), { minLength: 1, maxLength: 3 }), fc.boolean(), async (secrets, fromPlatform) => {
          stats.inputs++
          const text = secrets.map((s) => s.text).join(' / ')
          const logged = app.logs.length
          if (fromPlatform) {
            body = JSON.stringify({ error: { code: 'validation_failed', message: `PLATFORM-SAID ${text}` } })
            await app.core.syncNow()
            body = '{}'
            // The answer was read and its failure logged (the platform's words themselves never are).
            expect(app.logs.slice(logged).some((line) => line.includes('could not load a client’s orders'))).toBe(true)
          } else {
            await app.ok('reportRendererError', { source: 'error', message: `TypeError: ${text}`, stack: `at render (${text})` })
          }
          const diagnostics = join(profile.dir, 'diagnostics.txt')
          app.dialogs.answerSave(diagnostics)
          await app.ok('exportDiagnostics')
          const found = leaked(secrets, `${app.logs.slice(logged).join('\n')}\n${readFileSync(diagnostics, 'utf8')}`)
          stats.secretsFound += found.length
          expect(found).toEqual([])
        }),
        { numRuns: 80, seed: 20261207 }
      )
    } finally {
      await app.core.dispose()
      await sandbox.close()
      profile.remove()
    }
  })
})
