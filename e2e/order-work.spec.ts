import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'
import { assignOrder, clientSays, detail, openOrder, refresh, statusChip, writeFiles } from './support/orders'
import { sampleMismoXml, samplePdf } from '../src/sandbox/sample-files'
import { actionLabel, availableActions, isDestructiveAction, offeredToAppraiser } from '../src/shared/order-workflow'

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
})

test('the full lifecycle: accept, inspect, deliver, answer a revision, accepted', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '12 Lifecycle Lane')
  await refresh(page)
  await openOrder(page, order)
  await expect(statusChip(page)).toHaveText('Order Assigned')

  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Order accepted.' })).toBeVisible()
  await expect(statusChip(page)).toHaveText('Order Accepted')

  await page.getByRole('button', { name: 'Schedule inspection' }).click()
  const schedule = page.getByRole('dialog', { name: 'Schedule the inspection' })
  await schedule.getByRole('radio').first().check()
  await schedule.getByRole('button', { name: 'Schedule inspection' }).click()
  await expect(statusChip(page)).toHaveText('Inspection Scheduled')
  await expect(page.getByText(/Inspection scheduled for/)).toBeVisible()

  // The appointment is tomorrow: the app asks before marking it done.
  await page.getByRole('button', { name: 'Mark inspection complete' }).click()
  const complete = page.getByRole('dialog', { name: 'Mark the inspection complete' })
  await expect(complete.getByRole('alert')).toContainText('which is still ahead')
  await expect(complete.getByRole('button', { name: 'Mark complete' })).toBeDisabled()
  await complete.getByLabel('The inspection has taken place').check()
  await complete.getByRole('button', { name: 'Mark complete' }).click()
  await expect(statusChip(page)).toHaveText('Inspection Completed')

  const files = writeFiles({ 'report.pdf': samplePdf('Report v1'), 'report.xml': sampleMismoXml(samplePdf('Embedded')) })
  await page.getByRole('button', { name: 'Upload report' }).click()
  const upload = page.getByRole('dialog', { name: 'Upload the report' })
  await app.dialogs.answerOpen([files['report.pdf'] ?? '', files['report.xml'] ?? ''])
  await upload.getByRole('button', { name: 'Choose files…' }).click()
  await expect(upload.getByRole('list', { name: 'Files to upload' })).toContainText('Well-formed UTF-8 XML with an embedded PDF')
  await upload.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Report submitted (version 1).' })).toBeVisible()
  await expect(statusChip(page)).toHaveText('Report Submitted')
  await expect(detail(page).getByRole('list', { name: 'Submissions' })).toContainText('report.pdf')

  await clientSays(sandbox, `/orders/${order.id}/qc`, { decision: 'revision', reason: 'Explain the GLA adjustment on comparable 2' })
  await refresh(page)
  await expect(statusChip(page)).toHaveText('Revision Requested')
  await expect(page.getByRole('region', { name: 'Revision requested' })).toContainText('Explain the GLA adjustment on comparable 2')
  await expect(orderList(page).getByRole('option').first()).toContainText('Revision Requested: Explain the GLA adjustment')

  const revised = writeFiles({ 'report-v2.pdf': samplePdf('Report v2') })
  await page.getByRole('button', { name: 'Upload report' }).click()
  const again = page.getByRole('dialog', { name: 'Upload the revised report' })
  await app.dialogs.answerOpen([revised['report-v2.pdf'] ?? ''])
  await again.getByRole('button', { name: 'Choose files…' }).click()
  await again.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Report submitted (version 2).' })).toBeVisible()

  await clientSays(sandbox, `/orders/${order.id}/qc`, { decision: 'accept', reason: '' })
  await refresh(page)
  await expect(statusChip(page)).toHaveText('Report Accepted')
  await expect(detail(page).getByRole('list', { name: 'Order history' }).getByRole('listitem').first()).toContainText('Report accepted')
})

test('counter-offer, the client counters, the vendor accepts the counter', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '7 Negotiation Way')
  await refresh(page)
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Counter-offer' }).click()
  const dialog = page.getByRole('dialog', { name: 'Counter-offer' })
  await dialog.getByLabel("What you're asking for").selectOption('fee_increase')
  await dialog.getByLabel('Proposed fee (USD)').fill('725')
  await dialog.getByLabel('Explanation for the client').fill('Two-acre lot with an accessory dwelling')
  await dialog.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(statusChip(page)).toHaveText('Accepted with Conditions')
  await expect(page.getByRole('region', { name: 'Counter-offer' })).toContainText("Waiting for the client's answer.")
  await expect(page.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0)

  await clientSays(sandbox, `/orders/${order.id}/conditions`, { decision: 'counter', fee: 640, note: 'We can do 640' })
  await refresh(page)
  await expect(page.getByRole('region', { name: 'Counter-offer' })).toContainText('The client countered: fee $640.00 — “We can do 640”')
  await page.getByRole('button', { name: "Accept the client's terms" }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  await expect(page.locator('.fact', { hasText: 'Fee' }).locator('dd')).toHaveText('$640.00')
})

test('decline asks for a reason in the same dialog, and the order leaves the awaiting queue', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '3 Faraway Rd')
  await refresh(page)
  const awaitingBefore = Number(await queue(page, 'Awaiting response').locator('.count').innerText())
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Decline' }).click()
  const dialog = page.getByRole('dialog', { name: 'Decline this order?' })
  await expect(dialog.getByRole('button', { name: 'Decline order' })).toBeDisabled()
  await dialog.getByLabel('Out of coverage area').check()
  await dialog.getByLabel(/Message to the client/).fill('Outside my two counties')
  await dialog.getByRole('button', { name: 'Decline order' }).click()
  await expect(statusChip(page)).toHaveText('Declined — returned for reassignment')
  await expect(queue(page, 'Awaiting response').locator('.count')).toHaveText(String(awaitingBefore - 1))
  await queue(page, 'Awaiting response').click()
  await page.getByLabel('Search orders').fill('')
  await expect(orderList(page).getByRole('option').first()).toBeVisible()
  await expect(orderList(page).getByRole('option').filter({ hasText: order.street })).toHaveCount(0)
  // A search looks through every queue: from Awaiting response it still finds the order, and says where it is now.
  await page.getByLabel('Search orders').fill(order.orderNumber)
  await expect(orderList(page).getByRole('option')).toHaveCount(1)
  await expect(orderList(page).getByRole('option').first()).toContainText('in Closed')
})

test('cancel needs a reason and a confirmation', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '88 Cancel Ct')
  await refresh(page)
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  await page.getByRole('button', { name: 'Cancel order' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cancel this order?' })
  await expect(dialog.getByRole('button', { name: 'Cancel order' })).toBeDisabled()
  await dialog.getByLabel('Reason for cancelling').fill('Borrower unreachable for two weeks')
  await dialog.getByRole('button', { name: 'Cancel order' }).click()
  await expect(statusChip(page)).toHaveText('Cancelled')
  await expect(page.getByRole('toolbar', { name: 'Order actions' })).toHaveCount(0)
})

test('malformed XML is refused before anything is uploaded', async ({ app, sandbox }) => {
  const { page } = app
  await queue(page, 'Inspection').click()
  const row = orderList(page).getByRole('option').filter({ hasText: 'Inspection Completed' }).first()
  await row.click()
  const files = writeFiles({ 'broken.xml': Buffer.from('<?xml version="1.0" encoding="UTF-8"?><VALUATION_RESPONSE><PROPERTY></VALUATION_RESPONSE>') })
  await page.getByRole('button', { name: 'Upload report' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upload the report' })
  await app.dialogs.answerOpen([files['broken.xml'] ?? ''])
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await expect(dialog.getByRole('list', { name: 'Files to upload' })).toContainText('broken.xml is not well-formed XML')
  await expect(dialog.getByText('Fix the problems marked ✗ before uploading.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Upload', exact: true })).toBeDisabled()
  // Trying anyway does nothing.
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click({ force: true })
  await expect(dialog.getByRole('progressbar')).toHaveCount(0)
  const uploads = (await sandbox.control.requests()).requests.filter((r) => r.path.includes('/submissions') && r.method !== 'GET')
  expect(uploads).toEqual([])
})

test('only the actions valid for the status are offered', async ({ app }) => {
  const { page } = app
  const actionsOf = async (queueName: string, status: string) => {
    await queue(page, queueName).click()
    await orderList(page).getByRole('option').filter({ hasText: status }).first().click()
    await expect(statusChip(page)).toHaveText(status)
    const bar = page.getByRole('toolbar', { name: 'Order actions' })
    return (await bar.count()) === 0 ? [] : bar.getByRole('button').allInnerTexts()
  }
  // The toolbar holds the day's work; what ends the order is offered apart (and not once the report is accepted).
  const fromTable = (code: number) => availableActions(code).filter((id) => !isDestructiveAction(id) && offeredToAppraiser(id, code)).map(actionLabel)
  expect(await actionsOf('Awaiting response', 'Order Assigned')).toEqual(fromTable(1))
  expect(await actionsOf('Inspection', 'Inspection Scheduled')).toEqual(fromTable(14))
  expect(await actionsOf('Submitted / QC', 'Report Submitted')).toEqual(fromTable(11))
  expect(await actionsOf('Active', 'On Hold')).toEqual(fromTable(9))
  await expect(page.getByRole('group', { name: 'Other actions' }).getByRole('button')).toHaveText(['Cancel order…'])
  expect(await actionsOf('Completed', 'Order Completed')).toEqual([])
  expect(fromTable(1)).toEqual(['Accept', 'Counter-offer', 'Decline'])
})

test('a typed decline message survives closing the dialog and restarting the app', async ({ app, sandbox }) => {
  const order = await assignOrder(sandbox, '5 Draft St')
  await refresh(app.page)
  await openOrder(app.page, order)
  await app.page.getByRole('button', { name: 'Decline' }).click()
  await app.page.getByRole('dialog').getByLabel(/Message to the client/).fill('I am booked solid until the 15th')
  await expect(app.page.getByText('Draft saved — kept until you send or discard it.')).toBeVisible()
  const page = await app.restart()
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Decline' }).click()
  await expect(page.getByRole('dialog').getByLabel(/Message to the client/)).toHaveValue('I am booked solid until the 15th')
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible()
})

test('an accept whose response is lost is confirmed from history, never sent twice', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '1 Lost Response Rd')
  await refresh(page)
  await openOrder(page, order)
  await sandbox.control.fault({ method: 'POST', path: '/api/clients/*/loans/*/orders/*/status', mode: 'drop' })
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: "confirmed from the order’s history — nothing was sent twice" })).toBeVisible()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  const writes = (await sandbox.control.requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/orders/${order.id}/status`))
  expect(writes).toHaveLength(1)
  const history = detail(page).getByRole('list', { name: 'Order history' }).getByRole('listitem')
  await expect(history.filter({ hasText: 'Order accepted' })).toHaveCount(1)
})

test('a token that expires before a write costs one refresh and no duplicate', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '2 Expiry Ave')
  await refresh(page)
  await openOrder(page, order)
  await sandbox.control.expireTokens()
  await sandbox.control.clearRequests()
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  const log = (await sandbox.control.requests()).requests
  expect(log.filter((r) => r.path === '/api/auth/refresh-token')).toHaveLength(1)
  expect(log.filter((r) => r.method === 'POST' && r.path.endsWith('/status'))).toHaveLength(1)
})

test('a 409 shows the current state with a plain message', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '9 Conflict Cir')
  await refresh(page)
  await openOrder(page, order)
  // Meanwhile the order is accepted elsewhere (another device of the same appraiser).
  const signInResponse = await fetch(`${sandbox.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sandbox.vendor)
  })
  const { accessToken } = (await signInResponse.json()) as { accessToken: string }
  const elsewhere = await fetch(`${sandbox.url}/api/clients/${order.clientId}/loans/${order.loanId}/orders/${order.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ status: 3 })
  })
  expect(elsewhere.status).toBe(200)
  await page.getByRole('button', { name: 'Decline' }).click()
  const dialog = page.getByRole('dialog', { name: 'Decline this order?' })
  await dialog.getByLabel('Too busy').check()
  await dialog.getByRole('button', { name: 'Decline order' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'This order changed in the meantime: it is now Order Accepted' })).toBeVisible()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  // The actions now come from the reloaded order: Decline is gone, what fits "Accepted" is offered.
  const bar = page.getByRole('toolbar', { name: 'Order actions' })
  await expect(bar.getByRole('button', { name: 'Schedule inspection' })).toBeVisible()
  await expect(bar.getByRole('button', { name: 'Decline' })).toHaveCount(0)
})

test('payments show paid and unpaid totals per client', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Payments' }).click()
  const totals = page.getByRole('table', { name: 'Totals by client' })
  await expect(totals.getByRole('row')).toHaveCount(4)
  await expect(totals).toContainText('Lakeshore Mortgage')
  await expect(page.getByRole('table', { name: 'Payments by order' }).getByRole('row').nth(1)).toContainText('Unpaid')
})

test('a shared document downloads to where the user saves it', async ({ app }) => {
  const { page } = app
  await orderList(page).getByRole('option').first().click()
  const documents = detail(page).getByRole('list', { name: 'Documents' })
  await expect(documents).toContainText('Engagement letter.pdf')
  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-save-')), 'Engagement letter.pdf')
  await app.dialogs.answerSave(target)
  await documents.getByRole('button', { name: 'Download Engagement letter.pdf' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved to ${target}` })).toBeVisible()
  expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
})

test('a session that ends while a form is open: after signing in again the form and its text are back', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '4 Forced Sign-in St')
  await refresh(page)
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Counter-offer' }).click()
  const dialog = page.getByRole('dialog', { name: 'Counter-offer' })
  await dialog.getByLabel('Proposed fee (USD)').fill('800')
  await dialog.getByLabel('Explanation for the client').fill('Three outbuildings to measure')
  await sandbox.control.revokeTokens()
  await sandbox.control.expireTokens()
  await dialog.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expect(dialog).toBeHidden()
  await page.getByLabel('Password', { exact: true }).fill(sandbox.vendor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Explanation for the client')).toHaveValue('Three outbuildings to measure')
  await expect(dialog.getByLabel('Proposed fee (USD)')).toHaveValue('800')
  await dialog.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(statusChip(page)).toHaveText('Accepted with Conditions')
  const writes = (await sandbox.control.requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/orders/${order.id}/status`))
  expect(writes.map((w) => w.status)).toEqual([200])
})

test('a report upload shows its progress and can be cancelled without submitting anything', async ({ app, sandbox }) => {
  const { page } = app
  await queue(page, 'Inspection').click()
  await orderList(page).getByRole('option').filter({ hasText: 'Inspection Completed' }).first().click()
  await expect(statusChip(page)).toHaveText('Inspection Completed')
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(12 * 1024 * 1024, 65)])
  const files = writeFiles({ 'big.pdf': big })
  // The platform is slow to take the bytes: long enough to watch the upload and cancel it.
  await sandbox.control.fault({ method: 'PUT', path: '/api/**/files/*', mode: 'delay', delayMs: 8000 })
  await page.getByRole('button', { name: 'Upload report' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upload the report' })
  await app.dialogs.answerOpen([files['big.pdf'] ?? ''])
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await dialog.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(dialog.getByRole('progressbar', { name: /Uploading big\.pdf — .+ of 12 MB/ })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel upload' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Upload cancelled. Nothing was submitted.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(statusChip(page)).toHaveText('Inspection Completed')
  const submits = (await sandbox.control.requests()).requests.filter((r) => r.path.endsWith('/submit'))
  expect(submits).toEqual([])
})

test('an order accepted from its queue stays in view, with its new status, until the appraiser moves on', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '8 Staying Pl')
  await refresh(page)
  await queue(page, 'Awaiting response').click()
  await orderList(page).getByRole('option').filter({ hasText: order.street }).click()
  await expect(page.getByRole('heading', { level: 2, name: order.street })).toBeVisible()
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  const row = orderList(page).getByRole('option').filter({ hasText: order.street })
  await expect(row.locator('.chip')).toHaveText('Order Accepted')
  // Moving on (another queue and back) lets the list be what the queue holds.
  await queue(page, 'Active').click()
  await queue(page, 'Awaiting response').click()
  await expect(orderList(page).getByRole('option').first()).toBeVisible()
  await expect(orderList(page).getByRole('option').filter({ hasText: order.street })).toHaveCount(0)
})
