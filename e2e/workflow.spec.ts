import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { expectAccessible } from './support/accessibility'
import { queue, signIn } from './support/actions'
import { acceptAndSchedule, assignOrder, clientSays, detail, openOrder, refresh, statusChip, writeFiles } from './support/orders'
import { samplePdf } from '../src/sandbox/sample-files'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { FIELD_MESSAGES } from '../src/shared/order-workflow'

test('the forms say what the platform would refuse, in the same words', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const order = await assignOrder(sandbox, '11 Rules Rd')
  await refresh(page)
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Decline' }).click()
  const decline = page.getByRole('dialog', { name: 'Decline this order?' })
  await decline.getByLabel('Other').check()
  await expect(decline.getByRole('alert')).toHaveText(FIELD_MESSAGES.declineMessage)
  await expect(decline.getByRole('button', { name: 'Decline order' })).toBeDisabled()
  await decline.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Counter-offer' }).click()
  const counter = page.getByRole('dialog', { name: 'Counter-offer' })
  // Nothing is called wrong before Send; after it, every missing field at once, each beside its field.
  await counter.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(counter.getByRole('alert')).toHaveCount(2)
  await expect(counter.getByLabel(/Proposed fee/)).toHaveAccessibleDescription(/.+/)
  await expect(counter.getByLabel('Explanation for the client')).toHaveAccessibleDescription(/.+/)
  await counter.getByLabel("What you're asking for").selectOption('due_date_extension')
  await counter.getByLabel('Explanation for the client').fill('Backlog after the holidays')
  await expect(counter.getByRole('alert')).toHaveText(FIELD_MESSAGES.dueDateRequired)
  await expect(counter.getByLabel('Proposed due date')).toHaveAccessibleDescription(FIELD_MESSAGES.dueDateRequired)
  await expect(counter.getByLabel(/Proposed fee/)).toHaveCount(0)
})

test('a success message belongs to the status it was shown for', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await queue(page, 'Inspection').click()
  await page.getByRole('listbox', { name: 'Orders' }).getByRole('option').filter({ hasText: 'Inspection Completed' }).first().click()
  const files = writeFiles({ 'report.pdf': samplePdf('Report') })
  await page.getByRole('button', { name: 'Upload report' }).click()
  await app.dialogs.answerOpen([files['report.pdf'] ?? ''])
  const upload = page.getByRole('dialog', { name: 'Upload the report' })
  await upload.getByRole('button', { name: 'Choose files…' }).click()
  await upload.getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Report submitted (version 1).' })).toBeVisible()
  const orderNumber = await detail(page).locator('.fact', { hasText: 'Order #' }).locator('dd').innerText()
  const id = `ord-${orderNumber.slice(-5)}`
  await clientSays(sandbox, `/orders/${id}/qc`, { decision: 'revision', reason: 'Add the sketch' })
  await refresh(page)
  await expect(statusChip(page)).toHaveText('Revision Requested')
  await expect(page.getByText('Report submitted (version 1).')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Revision requested' })).toContainText('QC revision requested just now')
  // Background reloads after an action do not flip the Refresh button.
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled()
})

test('hold and resume: the order waits, only cancel is offered, and it returns to where it was', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const order = await assignOrder(sandbox, '21 Pause Pl')
  await refresh(page)
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  await clientSays(sandbox, `/orders/${order.id}/hold`, { reason: 'Awaiting the purchase contract' })
  await refresh(page)
  await expect(statusChip(page)).toHaveText('On Hold')
  await expect(page.getByRole('toolbar', { name: 'Order actions' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Other actions' }).getByRole('button')).toHaveText(['Cancel order…'])
  await clientSays(sandbox, `/orders/${order.id}/resume`, {})
  await refresh(page)
  await expect(statusChip(page)).toHaveText('Order Accepted')
  await expect(detail(page).getByRole('list', { name: 'Order history' }).getByRole('listitem').first()).toContainText('Order reactivated')
})

test('a reconsideration of value is its own cycle, recorded as the borrower’s', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const order = await assignOrder(sandbox, '31 Value Vw')
  // Walk it to Report Accepted through the platform's own steps.
  await refresh(page)
  await openOrder(page, order)
  await acceptAndSchedule(page)
  await page.getByRole('button', { name: 'Mark inspection complete' }).click()
  await page.getByRole('dialog').getByLabel('The inspection has taken place').check()
  await page.getByRole('dialog').getByRole('button', { name: 'Mark complete' }).click()
  await expect(statusChip(page)).toHaveText('Inspection Completed')
  const files = writeFiles({ 'report.pdf': samplePdf('Report') })
  await page.getByRole('button', { name: 'Upload report' }).click()
  await app.dialogs.answerOpen([files['report.pdf'] ?? ''])
  await page.getByRole('dialog').getByRole('button', { name: 'Choose files…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Upload', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Report Submitted')
  await clientSays(sandbox, `/orders/${order.id}/qc`, { decision: 'accept', reason: '' })
  await clientSays(sandbox, `/orders/${order.id}/rov`, { from: 'borrower', reason: 'Three recent sales on the same street' })
  await refresh(page)
  await expect(statusChip(page)).toHaveText('ROV — Borrower')
  const callout = page.getByRole('region', { name: 'Reconsideration of value requested' })
  await expect(callout).toContainText('Three recent sales on the same street')
  await expect(callout).not.toContainText('QC revision')
  await expect(detail(page).getByRole('list', { name: 'Order history' }).getByRole('listitem').first()).toContainText('(Borrower)')
  await page.getByRole('button', { name: 'Upload report' }).click()
  await expect(page.getByRole('dialog', { name: 'Answer the reconsideration of value' })).toBeVisible()
})

test('from the third revision on, the order says it is escalated', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await queue(page, 'Revision & ROV').click()
  const row = page.getByRole('listbox', { name: 'Orders' }).getByRole('option').filter({ has: page.locator('.chip', { hasText: /^Revision Requested$/ }) }).first()
  await row.click()
  await expect(page.getByRole('region', { name: 'Revision requested' })).toBeVisible()
  await expect(page.getByRole('note')).toHaveCount(0)
  const orderNumber = await detail(page).locator('.fact', { hasText: 'Order #' }).locator('dd').innerText()
  const id = `ord-${orderNumber.slice(-5)}`
  for (let round = 0; round < 2; round++) {
    const files = writeFiles({ [`v${round}.pdf`]: samplePdf(`Revision ${round}`) })
    await page.getByRole('button', { name: 'Upload report' }).click()
    await app.dialogs.answerOpen([files[`v${round}.pdf`] ?? ''])
    await page.getByRole('dialog').getByRole('button', { name: 'Choose files…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Upload', exact: true }).click()
    await expect(statusChip(page)).toHaveText('Report Submitted')
    await clientSays(sandbox, `/orders/${id}/qc`, { decision: 'revision', reason: `Round ${round + 2}` })
    await refresh(page)
    await expect(statusChip(page)).toHaveText('Revision Requested')
  }
  await expect(page.getByRole('note')).toContainText('This is revision 3 on this order')
})

test('a Client User is told this app is for appraisers, and can sign out', async ({ app }) => {
  const { page } = app
  await signIn(page, { email: DEMO_ACCOUNTS.clientUser.email, password: DEMO_ACCOUNTS.clientUser.password }, { expectWorkspace: false })
  await expect(page.getByRole('alert')).toContainText('This app is for appraisers working orders (vendor accounts). You are signed in as a Client User')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
})

test('at the smallest window the three panes, Sign out and the order all fit; payments are reachable by keyboard', async ({ app, sandbox }) => {
  const { page } = app
  await page.setViewportSize({ width: 900, height: 620 })
  await signIn(page, sandbox.vendor)
  await page.getByRole('listbox', { name: 'Orders' }).getByRole('option').first().click()
  for (const target of [page.getByRole('button', { name: 'Sign out' }), page.getByRole('heading', { level: 2 }).first(), page.getByRole('navigation', { name: 'Queues' })]) {
    const box = await target.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(900)
  }
  await page.getByRole('button', { name: 'Payments' }).click()
  await expect(page.getByRole('table', { name: 'Payments by order' })).toBeVisible()
  await expectAccessible(page, 'payments at the smallest window', { include: '.wide-pane' })
  await page.getByRole('region', { name: 'Payments view' }).focus()
  await expect(page.getByRole('region', { name: 'Payments view' })).toBeFocused()
})

test('a scheduled inspection can be added to the calendar as an .ics event', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const order = await assignOrder(sandbox, '41 Calendar Ct')
  await refresh(page)
  await openOrder(page, order)
  await acceptAndSchedule(page)
  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-ics-')), 'inspection.ics')
  await app.dialogs.answerSave(target)
  await page.getByRole('button', { name: 'Add to calendar' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved to ${target}` })).toBeVisible()
  // Unfolded: long iCalendar lines continue on the next line after a space.
  const ics = readFileSync(target, 'utf8').replace(/\r?\n[ \t]/g, '')
  expect(ics).toContain('BEGIN:VEVENT')
  expect(ics).toContain('SUMMARY:Inspection — 41 Calendar Ct')
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/)
  expect(ics).toContain(`Order ${order.orderNumber} for Lakeshore Mortgage`)
  expect(ics).toMatch(/Borrower: \w+ \w+\\, \(555\)/)
})
