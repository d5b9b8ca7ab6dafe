import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.getByText('72 orders')).toBeVisible()
})

test('queues filter the list and show live counts; clients narrow it', async ({ app }) => {
  const { page } = app
  await expect(queue(page, 'Awaiting response')).toContainText('12')
  await queue(page, 'Awaiting response').click()
  await expect(page.getByText('12 orders')).toBeVisible()
  const statuses = await orderList(page).locator('.chip').allTextContents()
  expect(new Set(statuses)).toEqual(new Set(['Order Assigned', 'Accepted with Conditions']))

  await page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: /Redwood Federal Credit Union/ }).click()
  await expect(queue(page, 'All orders')).toContainText('24')
  const awaiting = Number(await queue(page, 'Awaiting response').locator('.count').innerText())
  expect(awaiting).toBeGreaterThan(0)
  expect(awaiting).toBeLessThan(12)
  await expect(page.getByText(`${awaiting} ${awaiting === 1 ? 'order' : 'orders'}`, { exact: true })).toBeVisible()
  await expect(orderList(page).getByRole('option')).toHaveCount(awaiting)
  for (const row of await orderList(page).getByRole('option').all()) await expect(row).toContainText('Redwood Federal Credit Union')
})

test('search finds orders by address, order number and borrower, and says when nothing matches', async ({ app }) => {
  const { page } = app
  const first = orderList(page).getByRole('option').first()
  const street = (await first.locator('.row-address').textContent()) ?? ''
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search orders')).toBeFocused()
  await page.keyboard.type(street)
  await expect(orderList(page).getByRole('option').first()).toContainText(street)

  await page.getByLabel('Search orders').fill('OV-2026-10007')
  await expect(page.getByText('1 order', { exact: true })).toBeVisible()
  await orderList(page).getByRole('option').first().click()
  await expect(page.locator('.detail').getByText('OV-2026-10007')).toBeVisible()
  const borrower = (await page.locator('.fact', { hasText: 'Borrower' }).locator('dd').textContent()) ?? ''
  await page.getByLabel('Search orders').fill(borrower.toLowerCase())
  await orderList(page).getByRole('option').first().click()
  await expect(page.locator('.fact', { hasText: 'Borrower' }).locator('dd')).toHaveText(borrower)

  await page.getByLabel('Search orders').fill('no such street anywhere')
  await expect(page.getByText('No orders match “no such street anywhere”.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(page.getByText('72 orders')).toBeVisible()
})

test('the order detail shows property, loan, contacts, instructions and the vendor-visible history', async ({ app }) => {
  const { page } = app
  await queue(page, 'Revision & ROV').click()
  const row = orderList(page).getByRole('option').filter({ has: page.locator('.chip', { hasText: /^Revision Requested$/ }) }).first()
  await row.click()
  const detail = page.getByRole('region', { name: await row.locator('.row-address').innerText() })
  await expect(detail.getByRole('heading', { level: 3, name: 'Contacts' })).toBeVisible()
  await expect(detail.getByText('Borrower', { exact: true }).first()).toBeVisible()
  await expect(detail.getByRole('heading', { level: 3, name: 'Instructions' })).toBeVisible()
  const history = detail.getByRole('list', { name: 'Order history' }).getByRole('listitem')
  await expect(history).toHaveCount(6)
  await expect(history.first()).toContainText('Revision requested')
  await expect(history.last()).toContainText('Order assigned to vendor')
  await expect(detail.getByText('Internal note')).toHaveCount(0)
})

test('the keyboard moves through the list and opens orders', async ({ app }) => {
  const { page } = app
  await orderList(page).focus()
  await page.keyboard.press('j')
  await expect(orderList(page).getByRole('option').nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('j')
  const third = orderList(page).getByRole('option').nth(2)
  await expect(third).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('k')
  await expect(orderList(page).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
  const street = await orderList(page).getByRole('option').nth(1).locator('.row-address').innerText()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: street })).toBeVisible()
})

test('the list fills its pane at any window height, and End and Home bring the last and first order into view', async ({ app }) => {
  const { page } = app
  const list = orderList(page)
  // Only the rows in view are in the page: one of them must reach the list's bottom edge.
  const rowsReachBottom = () =>
    list.evaluate((element) => {
      const bottom = element.getBoundingClientRect().bottom
      return [...element.querySelectorAll('[role=option]')].some((row) => row.getBoundingClientRect().top < bottom && row.getBoundingClientRect().bottom >= bottom)
    })
  await expect.poll(rowsReachBottom).toBe(true)
  await page.setViewportSize({ width: 1280, height: 1400 })
  await expect.poll(rowsReachBottom).toBe(true)

  await list.focus()
  await page.keyboard.press('End')
  const chosen = list.getByRole('option', { selected: true })
  await expect(chosen).toHaveAttribute('id', 'order-71')
  await expect(chosen).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(chosen).toHaveAttribute('id', 'order-0')
  await expect(chosen).toBeInViewport()
})

test("never shows another vendor's orders", async ({ app }) => {
  const { page } = app
  // OV-2026-10073 belongs to the other appraiser, who also works for Summit Valuation AMC.
  await page.getByLabel('Search orders').fill('OV-2026-10073')
  await expect(page.getByText('No orders match “OV-2026-10073”.')).toBeVisible()
  await page.getByLabel('Search orders').fill('OV-2026-10072')
  await expect(page.getByText('1 order', { exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Queues' })).not.toContainText('Harbor Home Lending')
})

test('a client whose list fails keeps its orders as last known, marked with their time, and Try again recovers', async ({ app, sandbox }) => {
  const { page } = app
  await expect(page.getByText('72 orders')).toBeVisible()
  await sandbox.control.fault({ method: 'GET', path: '/api/clients/cl-redwood/orders', status: 500, count: 1 })
  await app.syncNow()
  await expect(page.getByRole('alert')).toContainText(/^Redwood Federal Credit Union: couldn't refresh — showing orders from \d{1,2}:\d{2}\s?[AP]M/)
  await expect(page.getByText('72 orders')).toBeVisible()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByText('72 orders')).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a client that never loaded is named with why, and the others still show', async ({ app, sandbox }) => {
  const { page } = app
  // Signed out, the session's copy is gone: the next sign-in knows nothing of Redwood's orders.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await sandbox.control.fault({ method: 'GET', path: '/api/clients/cl-redwood/orders', status: 500, count: 1 })
  await signIn(page, sandbox.vendor)
  await expect(page.getByRole('alert')).toContainText("Redwood Federal Credit Union: couldn't load its orders — OmniValVMS had a problem (error 500)")
  await expect(page.getByText('48 orders')).toBeVisible()
})

test('when no client can be loaded, the list shows an error with Try again', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Sign out' }).click()
  await sandbox.control.fault({ method: 'GET', path: '/api/clients/*/orders', status: 503, count: 1000 })
  await signIn(page, sandbox.vendor)
  await expect(page.getByRole('alert')).toContainText('OmniValVMS had a problem (error 503)')
  await sandbox.control.clearFaults()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByText('72 orders')).toBeVisible()
})

test('saved views in the sidebar say their live counts and show what they name: Rush, Due this week', async ({ app }) => {
  const { page } = app
  const views = page.getByRole('navigation', { name: 'Queues' })
  const rush = views.getByRole('button', { name: /^Rush/ })
  const count = Number(await rush.locator('.count').innerText())
  expect(count).toBeGreaterThan(0)
  await rush.click()
  await expect(rush).toHaveAttribute('aria-current', 'true')
  await expect(page.getByText(`${count} order${count === 1 ? '' : 's'}`, { exact: true })).toBeVisible()
  for (const row of await orderList(page).getByRole('option').all()) await expect(row.locator('.tag', { hasText: 'Rush' })).toBeVisible()
  const week = views.getByRole('button', { name: /^Due this week/ })
  await week.click()
  await expect(week).toHaveAttribute('aria-current', 'true')
  await expect(rush).not.toHaveAttribute('aria-current', 'true')
  await expect(page.getByText(`${await week.locator('.count').innerText()} orders`, { exact: true })).toBeVisible()
})

test('Export… writes the orders shown — a search’s results — as CSV for a spreadsheet', async ({ app }) => {
  const { page } = app
  await page.getByLabel('Search orders').fill('OV-2026-10007')
  await expect(page.getByText('1 order', { exact: true })).toBeVisible()
  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-export-')), 'orders.csv')
  await app.dialogs.answerSave(target)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export orders' })
  await expect(dialog.getByLabel(/The order shown/)).toBeChecked()
  await dialog.getByRole('button', { name: 'Export CSV…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved 1 order to ${target}` })).toBeVisible()
  const lines = readFileSync(target, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines).toHaveLength(2)
  expect(lines[1]).toMatch(/^OV-2026-10007,/)
})
