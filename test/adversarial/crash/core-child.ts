/**
 * The app's core in a process of its own, for the crash test to kill. It says on stdout (one line
 * each, written synchronously so a kill cannot lose one already said) when it begins and ends each
 * atomic write (a temporary file opened, renamed over its target), what it was asked to do and
 * what the app answered. Its keychain is the stand-in with the key the test passes, so a restart
 * on the same profile is the same OS account.
 *
 * Environment: CRASH_PROFILE, CRASH_SANDBOX_URL, CRASH_KEY (hex), CRASH_STEP, CRASH_ORDER (JSON ref).
 */
import { writeSync } from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import type * as FsPromises from 'node:fs/promises'
import { basename } from 'node:path'

const say = (line: string) => writeSync(1, `${line}\n`)

// Every atomic write the app makes: its temporary file opened ('W+'), then renamed over the target ('W-').
const require = createRequire(import.meta.url)
const fsp = require('node:fs/promises') as typeof FsPromises
const realOpen = fsp.open
const realRename = fsp.rename
const target = (temporary: string) => basename(temporary).replace(/^\./, '').replace(/\.[0-9a-f]{12}\.tmp$/, '')
fsp.open = ((path: Parameters<typeof realOpen>[0], ...rest: unknown[]) => {
  if (String(path).endsWith('.tmp')) say(`W+ ${target(String(path))}`)
  return (realOpen as (...args: unknown[]) => ReturnType<typeof realOpen>)(path, ...rest)
}) as typeof realOpen
fsp.rename = (async (from: Parameters<typeof realRename>[0], to: Parameters<typeof realRename>[1]) => {
  await realRename(from, to)
  if (String(from).endsWith('.tmp')) say(`W- ${target(String(from))}`)
}) as typeof realRename
syncBuiltinESMExports()

const { startTestCore } = await import('../../support/test-core')
const { createKeychainCipher } = await import('../../support/keychain-cipher')
const { DEMO_ACCOUNTS } = await import('../../../src/sandbox/seed')

const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}
let online = true
const app = startTestCore({
  sandboxUrl: env('CRASH_SANDBOX_URL'),
  profileDir: env('CRASH_PROFILE'),
  cipher: createKeychainCipher({ key: Buffer.from(env('CRASH_KEY'), 'hex') }),
  fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')))
})
app.core.subscribe((channel, payload) => {
  if (channel.endsWith('appNotice')) say(`NOTICE ${String(payload).replace(/\n/g, ' ')}`)
})
await app.core.ready
say(`READY ${(await app.ok('getSessionState')).status}`)

const step = env('CRASH_STEP')
const ref = JSON.parse(process.env.CRASH_ORDER ?? 'null') as { clientId: string; loanId: string; orderId: string } | null
say(`STEP ${step}`)
switch (step) {
  case 'signIn':
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
    break
  case 'sync':
    await app.core.syncNow()
    break
  case 'queue': {
    if (!ref) throw new Error('no order')
    await app.ok('getOrder', ref)
    online = false
    const completedAt = new Date(Date.now() - 60_000).toISOString()
    const result = await app.ok('performOrderAction', { ref, action: { type: 'completeInspection', completedAt } })
    say(`QUEUED ${result.queued ? (result.order.pendingActions[0]?.id ?? '') : 'no'} ${completedAt}`)
    online = true
    await app.ok('networkRestored')
    break
  }
  case 'draft':
    for (let i = 0; i < 5; i++) await app.ok('saveDraft', { key: `ord-crash:decline`, value: { reason: `draft ${i}`.repeat(50) } })
    break
  case 'signOut':
    await app.ok('signOut')
    break
}
await app.core.dispose()
say('DONE')
process.exit(0)
