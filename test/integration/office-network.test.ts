import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProxy, type ProxyServer } from 'proxy'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { createSystemFetch } from '../../src/main/core/net/system-fetch'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { samplePdf } from '../../src/sandbox/sample-files'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'

/** Platform calls through a real HTTP proxy on 127.0.0.1, as on an office network. */
let sandbox: RunningSandbox
let proxy: ProxyServer
let proxyPort: number
let profile: ReturnType<typeof tempProfile>
let app: TestCore
const tunnels: string[] = []
const signIn = { environment: { kind: 'sandbox' as const }, email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password, keepSignedIn: false }

beforeEach(async () => {
  sandbox = await startSandboxServer()
  proxy = createProxy(createServer())
  proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''))
  proxy.on('request', (req: { url?: string }) => tunnels.push(req.url ?? ''))
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyPort = (proxy.address() as AddressInfo).port
  profile = tempProfile()
  tunnels.length = 0
  const resolved: string[] = []
  app = startTestCore({
    sandboxUrl: sandbox.url,
    profileDir: profile.dir,
    fetch: createSystemFetch({
      resolveProxy: async (url) => {
        resolved.push(url)
        return `PROXY 127.0.0.1:${proxyPort}; DIRECT`
      },
      logger: createLogger(() => undefined)
    })
  })
})
afterEach(async () => {
  await app.core.dispose()
  proxy.closeAllConnections()
  await new Promise((resolve) => proxy.close(resolve))
  await sandbox.close()
  profile.remove()
})

describe('behind a proxy', () => {
  it('reaches the platform through the proxy the system names', async () => {
    await app.ok('signIn', signIn)
    expect((await app.ok('listOrders')).orders).toHaveLength(72)
    const host = new URL(sandbox.url).host
    expect(tunnels.length).toBeGreaterThan(0)
    expect(tunnels.every((t) => t.includes(host))).toBe(true)
  })

  it('streams a 150 MB report through the proxy with flat memory', async () => {
    await app.ok('signIn', signIn)
    const order = await (await fetch(`${sandbox.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json() as { id: string; clientId: string; loanId: string }
    const ref = { clientId: order.clientId, loanId: order.loanId, orderId: order.id }
    await app.ok('performOrderAction', { ref, action: { type: 'accept' } })
    const slot = (await app.ok('listInspectionSlots', ref))[0]
    await app.ok('performOrderAction', { ref, action: { type: 'scheduleInspection', inspectionAt: slot?.start ?? '', slotId: slot?.id ?? null } })
    await app.ok('performOrderAction', { ref, action: { type: 'completeInspection', completedAt: new Date().toISOString() } })
    await app.core.dispose()
    app = startTestCore({
      sandboxUrl: sandbox.url,
      profileDir: profile.dir,
      maxUploadBytes: 200 * 1024 * 1024,
      fetch: createSystemFetch({ resolveProxy: async () => `PROXY 127.0.0.1:${proxyPort}`, logger: createLogger(() => undefined) })
    })
    await app.ok('signIn', signIn)
    const dir = mkdtempSync(join(tmpdir(), 'omnivms-proxy-upload-'))
    try {
      const path = join(dir, 'big.pdf')
      const size = 150 * 1024 * 1024
      const head = samplePdf('Big report')
      writeFileSync(path, Buffer.concat([head, Buffer.alloc(size - head.length, 32)]))
      app.dialogs.answerOpen([path])
      const picked = await app.ok('pickReportFiles')
      global.gc?.()
      const before = process.memoryUsage().rss
      let peak = before
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      const result = await app.call('uploadReport', { ref, uploadId: 'through-proxy-1', fileIds: picked.map((f) => f.fileId) })
      clearInterval(sampler)
      expect(result).toMatchObject({ ok: true, value: { order: { statusCode: 11 } } })
      const growthMb = (peak - before) / 1024 / 1024
      // Buffering the file anywhere on the way (app, proxy, sandbox) would add ≥150 MB.
      expect(growthMb).toBeLessThan(80)
      expect(tunnels.some((t) => t.includes(new URL(sandbox.url).host))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says plainly when the proxy asks for a sign-in', async () => {
    proxy.authenticate = () => false
    expect(await app.call('signIn', signIn)).toEqual({
      ok: false,
      error: {
        code: 'proxy_auth_required',
        message: "Your network's proxy server asks for a sign-in before it lets OmniValVMS through, and this app can't answer it. Ask your IT team to allow api.omnivms.com through the proxy without a sign-in."
      }
    })
  })
})
