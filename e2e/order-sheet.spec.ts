import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { orderList, signIn } from './support/actions'
import { assignOrder, detail, openOrder } from './support/orders'
import { pdfPages } from './support/pdf-text'

/** The order sheet for the inspection: one clean page, this order only, nothing secret. */
test('Save as PDF… writes one page with this order’s sheet: property, contacts, instructions, notes — no other order, no token', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const other = await assignOrder(sandbox, '45 Other Ave')
  const order = await assignOrder(sandbox, '44 Sheet St')
  sandbox.editOrder(order.id, (o) => {
    o.instructions = 'Gate code 4411. Dog in the yard.'
    o.inspection = { scheduledAt: '2031-06-10T19:00:00.000Z', completedAt: null }
  })
  await app.syncNow()
  await openOrder(page, other)
  await openOrder(page, order)
  // On screen the sheet is hidden; in print it is all there is.
  await expect(page.locator('.order-sheet')).toBeHidden()
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.order-sheet')).toBeVisible()
  await expect(page.locator('#root')).toBeHidden()
  // Back to the page's own media: Save as PDF prints as print media does (page.pdf() prints the emulated media).
  await page.emulateMedia({ media: null })

  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-sheet-')), 'sheet.pdf')
  await app.dialogs.answerSave(target)
  await detail(page).getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(detail(page).getByRole('status').filter({ hasText: `Saved to ${target}` })).toBeVisible()
  const pages = await pdfPages(target)
  expect(pages).toHaveLength(1)
  const text = pages.join('\n')
  for (const part of ['44 Sheet St', order.orderNumber, 'Tue, Jun 10, 2:00 PM CDT', 'Gate code 4411. Dog in the yard.']) expect(text).toContain(part)
  // Section headings are set in capitals by the print stylesheet.
  for (const heading of ['Appointment', 'Property', 'Loan and product', 'Contacts', 'Instructions', 'Notes']) expect(text.toLowerCase()).toContain(heading.toLowerCase())
  expect(text).not.toContain('45 Other Ave')
  expect(text).not.toContain(other.orderNumber)
  for (const token of sandbox.issuedTokens()) expect(text).not.toContain(token)
})

test('Save workfile… shows how far it has got and what it is doing; Cancel stops it and leaves nothing behind', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  // The client's documents come slowly: the save is still downloading when the appraiser cancels.
  await sandbox.control.fault({ method: 'GET', path: '/api/**/content', mode: 'delay', delayMs: 30_000, count: 5 })
  await page.getByLabel('Search orders').fill('OV-2026-10007')
  await orderList(page).getByRole('option').first().click()
  const dir = mkdtempSync(join(tmpdir(), 'omnivms-workfile-'))
  await app.dialogs.answerSave(join(dir, 'Workfile OV-2026-10007'))
  await detail(page).getByRole('button', { name: 'Save workfile…' }).click()
  const bar = detail(page).getByRole('progressbar', { name: 'Saving the workfile' })
  await expect(bar).toBeVisible()
  await expect(detail(page).locator('.save-progress')).toContainText(/Downloading Engagement letter\.pdf — 3 of \d files/)
  await expect(bar).toHaveAttribute('value', '3')
  await detail(page).locator('.save-progress').getByRole('button', { name: 'Cancel' }).click()
  await expect(detail(page).getByRole('status').filter({ hasText: 'Cancelled. Nothing was saved.' })).toBeVisible()
  await expect(bar).toBeHidden()
  await expect(detail(page).getByRole('button', { name: 'Save workfile…' })).toBeEnabled()
  expect(readdirSync(dir)).toEqual([])
})
