import { test, expect } from './fixtures'
import { signIn } from './support/actions'
import { acceptAndSchedule, assignOrder, openOrder, refresh, statusChip } from './support/orders'

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.getByText('72 orders')).toBeVisible()
})

test('started without a network, the inbox and the order opened before show, marked offline', async ({ app, sandbox }) => {
  const order = await assignOrder(sandbox, '8 Signal Rd')
  await refresh(app.page)
  await openOrder(app.page, order)
  await expect(statusChip(app.page)).toHaveText('Order Assigned')

  await app.setOnline(false)
  const page = await app.restart()
  await expect(page.getByText(/Offline — showing data from \d{1,2}:\d{2}/).first()).toBeVisible()
  await expect(page.getByText('73 orders')).toBeVisible()
  await openOrder(page, order)
  await expect(page.getByText(/Offline copy from/)).toBeVisible()

  await app.setOnline(true)
  await expect(page.getByText(/Offline — showing data from/)).toHaveCount(0)
})

test('“Mark inspection complete” at a property without a signal waits, survives a restart, and is sent once', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '3 Field Trip Ct')
  await refresh(page)
  await openOrder(page, order)
  await acceptAndSchedule(page)

  await app.setOnline(false)
  await page.getByRole('button', { name: 'Mark inspection complete' }).click()
  await page.getByRole('dialog').getByLabel('The inspection has taken place').check()
  await page.getByRole('dialog').getByRole('button', { name: 'Mark complete' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'No connection: “Mark inspection complete” is saved and will be sent when the network returns.' })).toBeVisible()
  await expect(page.getByText('Waiting to send: Mark inspection complete')).toBeVisible()

  const again = await app.restart()
  await openOrder(again, order)
  await expect(again.getByText('Waiting to send: Mark inspection complete')).toBeVisible()

  await app.setOnline(true)
  await expect(statusChip(again)).toHaveText('Inspection Completed')
  await expect(again.getByText('Waiting to send: Mark inspection complete')).toHaveCount(0)
  const sent = (await sandbox.control.requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/orders/${order.id}/status`))
  // Accept, schedule, complete: the queued action was applied exactly once (a second one would answer
  // 409). A 401 — the token renewed at reconnect — is answered by a refresh and a look at the history.
  expect(sent.filter((r) => r.status !== 401).map((r) => r.status)).toEqual([200, 200, 200])
})
