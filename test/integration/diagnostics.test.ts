import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { sandboxControl } from '../support/sandbox-control'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'

let sandbox: RunningSandbox
let profile: ReturnType<typeof tempProfile>
let app: TestCore

beforeEach(async () => {
  sandbox = await startSandboxServer()
  profile = tempProfile()
  app = startTestCore({ sandboxUrl: sandbox.url, profileDir: profile.dir })
})
afterEach(async () => {
  await app.core.dispose()
  await sandbox.close()
  profile.remove()
})

describe('Export diagnostics…', () => {
  it('after real work, writes one file with versions, requests and logs — and no token, password or borrower data', async () => {
    const vendor = DEMO_ACCOUNTS.vendor
    await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: true })
    const inbox = await app.ok('listOrders')
    for (const order of inbox.orders.slice(0, 12)) await app.ok('getOrder', order)
    const assigned = inbox.orders.find((o) => o.statusCode === 1)
    if (!assigned) throw new Error('no assigned order')
    await app.ok('performOrderAction', { ref: assigned, action: { type: 'accept' } })
    await sandboxControl(sandbox.url).expireTokens()
    await app.ok('listPayments')
    await app.call('getOrder', { clientId: 'cl-harbor', loanId: 'ln-1', orderId: 'ord-1' })
    await app.ok('reportRendererError', { message: 'TypeError: x is undefined', stack: 'at Workspace (index.js:1:1)', source: 'error' })

    const target = join(profile.dir, 'diagnostics.txt')
    app.dialogs.answerSave(target)
    expect(await app.ok('exportDiagnostics')).toEqual({ savedTo: target })
    const text = readFileSync(target, 'utf8')
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600)

    expect(text).toContain(`Node: ${process.versions.node}`)
    expect(text).toContain('Storage backend: test_keychain (encrypted)')
    expect(text).toMatch(/POST \/api\/auth\/refresh-token 200 \d+ ms/)
    expect(text).toMatch(/GET \/api\/clients\/\{clientId\}\/loans\/\{loanId\}\/orders\/\{orderId\} 403/)
    expect(text).toContain('renderer error')
    expect(text).toContain('Signed in: yes (Vendor)')
    // Not even the user's own address: the one scrubber masks every e-mail.
    expect(text).not.toContain(vendor.email)

    const issued = sandbox.sandbox.issuedTokens()
    expect(issued.length).toBeGreaterThanOrEqual(4)
    const data = sandbox.sandbox.data
    const personal = [
      vendor.password,
      ...issued,
      ...data.orders.map((o) => o.borrowerName),
      ...data.orders.flatMap((o) => o.contacts.flatMap((c) => [c.name, c.phone ?? '', c.email ?? ''])).filter((v) => v !== '')
    ]
    const found = personal.filter((secret) => text.includes(secret))
    expect(found).toEqual([])
  })

  it('saves nothing when the user cancels the save dialog', async () => {
    app.dialogs.answerSave(null)
    expect(await app.ok('exportDiagnostics')).toBeNull()
  })
})
