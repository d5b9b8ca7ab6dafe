/**
 * One measured upload, in its own process so its memory is its own. Prints one JSON line.
 *   tsx bench/upload-worker.ts app|baseline SANDBOX_URL FILE
 */
import { createReadStream, statSync } from 'node:fs'
import { request } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { basename } from 'node:path'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { startTestCore, tempProfile } from '../test/support/test-core'

const [mode, sandboxUrl, file] = process.argv.slice(2)
if ((mode !== 'app' && mode !== 'baseline') || !sandboxUrl || !file) throw new Error('usage: upload-worker app|baseline SANDBOX_URL FILE')
const size = statSync(file).size
const vendor = DEMO_ACCOUNTS.vendor

const json = async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
  const response = await fetch(`${sandboxUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** A fresh order brought to Inspection Completed, ready for a report. */
async function readyOrder(token: string) {
  const order = await json<{ id: string; clientId: string; loanId: string }>('/__sandbox/orders', { method: 'POST', body: '{}' })
  const base = `/api/clients/${order.clientId}/loans/${order.loanId}/orders/${order.id}`
  const slot = (await json<{ items: { id: string; start: string }[] }>(`${base}/inspection-slots`, { token })).items[0]
  for (const body of [{ status: 3 }, { status: 14, inspectionAt: slot?.start, slotId: slot?.id }, { status: 15, completedAt: new Date().toISOString() }]) {
    await json(`${base}/status`, { method: 'POST', token, body: JSON.stringify(body) })
  }
  return { order, base }
}

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024))

if (mode === 'baseline') {
  const { accessToken: token } = await json<{ accessToken: string }>('/api/auth/sign-in', { method: 'POST', body: JSON.stringify(vendor) })
  const { base } = await readyOrder(token)
  const draft = await json<{ id: string; files: { id: string }[] }>(`${base}/submissions`, {
    method: 'POST',
    token,
    body: JSON.stringify({ files: [{ name: basename(file), size, contentType: 'application/pdf' }] })
  })
  const before = process.memoryUsage().rss
  peak = before
  const t0 = performance.now()
  // The idiomatic plain-Node streaming upload: a file stream piped into an http request.
  const put = request(`${sandboxUrl}${base}/submissions/${draft.id}/files/${draft.files[0]?.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': String(size) }
  })
  const answered = new Promise<number>((done, fail) => {
    put.on('response', (response) => {
      response.resume()
      response.on('end', () => done(response.statusCode ?? 0))
    })
    put.on('error', fail)
  })
  await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), put)
  const status = await answered
  if (status !== 200) throw new Error(`PUT ${status}`)
  const ms = performance.now() - t0
  clearInterval(sampler)
  console.log(JSON.stringify({ mode, ms, beforeMb: mb(before), peakMb: mb(peak) }))
} else {
  const profile = tempProfile()
  const app = startTestCore({ sandboxUrl, profileDir: profile.dir, maxUploadBytes: size + 1 })
  await app.ok('signIn', { environment: { kind: 'sandbox' }, email: vendor.email, password: vendor.password, keepSignedIn: false })
  const token = (await json<{ accessToken: string }>('/api/auth/sign-in', { method: 'POST', body: JSON.stringify(vendor) })).accessToken
  const { order } = await readyOrder(token)
  app.dialogs.answerOpen([file])
  const picked = await app.ok('pickReportFiles')
  const before = process.memoryUsage().rss
  peak = before
  const t0 = performance.now()
  const result = await app.ok('uploadReport', {
    ref: { clientId: order.clientId, loanId: order.loanId, orderId: order.id },
    uploadId: 'bench-upload-1',
    fileIds: picked.map((f) => f.fileId)
  })
  const ms = performance.now() - t0
  clearInterval(sampler)
  if (result.order.statusCode !== 11) throw new Error('the report was not submitted')
  const progressEvents = app.events.filter((e) => e.channel === 'omnivms:event:uploadProgress').length
  await app.core.dispose()
  profile.remove()
  console.log(JSON.stringify({ mode, ms, beforeMb: mb(before), peakMb: mb(peak), progressEvents }))
}
