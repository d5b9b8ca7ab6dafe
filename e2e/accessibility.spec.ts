import { test, expect } from './fixtures'
import { expectAccessible } from './support/accessibility'
import { orderList, queue, signIn } from './support/actions'
import { assignOrder, openOrder } from './support/orders'

/** Every screen passes axe with the WCAG 2.2 AA tags (e2e/support/accessibility.ts). */
// A full axe scan takes a few seconds of CPU; with both workers busy, three of them and a restart need more than the default.
test.describe.configure({ timeout: 60_000 })

test('the signed-out screens', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expectAccessible(page, 'sign-in')
  await page.getByRole('button', { name: 'Forgot password?' }).click()
  await expectAccessible(page, 'forgot password')
})

test('the inbox and its queues, and the inbox offline', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await expectAccessible(page, 'inbox')
  await queue(page, 'Revision & ROV').click()
  await expectAccessible(page, 'revision queue')
  await queue(page, 'Today').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible()
  await expectAccessible(page, 'today')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'today, dark')
  await page.emulateMedia({ colorScheme: null })
  await app.setOnline(false)
  const again = await app.restart()
  await expect(again.locator('.list-pane').getByText(/Offline — showing data from/)).toBeVisible()
  await expect(orderList(again).getByRole('option').first()).toBeVisible()
  await expectAccessible(again, 'offline inbox')
  await app.setOnline(true)
})

test('an order and its dialogs', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const order = await assignOrder(sandbox, '88 Axe Ave')
  await app.syncNow()
  await openOrder(page, order)
  await expectAccessible(page, 'order detail')
  await page.getByRole('button', { name: 'Counter-offer' }).click()
  await expectAccessible(page, 'counter-offer dialog')
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Decline' }).click()
  await expectAccessible(page, 'decline dialog')
})

test('payments and settings', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await page.getByRole('button', { name: 'Payments' }).click()
  await expect(page.getByRole('table', { name: 'Payments by order' })).toBeVisible()
  await expectAccessible(page, 'payments')
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
  await expectAccessible(page, 'settings')
})
