/**
 * Start-up work of the main-process logic, in plain Node against a local sandbox:
 * restoring a saved session from the vault, and the first inbox load (all clients, all pages)
 * for 72 and for 10,000 orders. Prints figures; asserts nothing.
 *
 *   npm run bench:startup
 */
import { performance } from 'node:perf_hooks'
import { startSandboxServer } from '../src/sandbox/server'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { createKeychainCipher } from '../test/support/keychain-cipher'
import { startTestCore, tempProfile } from '../test/support/test-core'

const RUNS = 5

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (value: number) => `${value.toFixed(1)} ms`

async function measure(orders: number) {
  const sandbox = await startSandboxServer({ orders })
  const profile = tempProfile()
  const cipher = createKeychainCipher()
  const first = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher })
  await first.ok('signIn', { environment: { kind: 'sandbox' }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: true })
  await first.core.dispose()

  const restore: number[] = []
  const inbox: number[] = []
  let bytes = 0
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now()
    const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir, cipher: createKeychainCipher({ key: cipher.key }) })
    const state = await app.ok('getSessionState')
    const t1 = performance.now()
    if (state.status !== 'signedIn') throw new Error('session was not restored')
    const result = await app.ok('listOrders')
    const t2 = performance.now()
    if (result.orders.length !== orders) throw new Error(`expected ${orders} orders, got ${result.orders.length}`)
    bytes = JSON.stringify(result).length
    restore.push(t1 - t0)
    inbox.push(t2 - t1)
    await app.core.dispose()
  }
  await sandbox.close()
  profile.remove()
  console.log(
    `${String(orders).padStart(6)} orders | restore session ${ms(median(restore))} | first inbox load ${ms(median(inbox))} | inbox IPC payload ${(bytes / 1024).toFixed(0)} KiB`
  )
}

console.log(`Start-up work (median of ${RUNS} runs, Node ${process.version}):`)
await measure(72)
await measure(10_000)
