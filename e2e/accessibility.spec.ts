import { test, expect } from './fixtures'
import { expectAccessible } from './support/accessibility'
import { orderList, queue, signIn } from './support/actions'
import { openOrder, assignOrder } from './support/orders'

test('every screen passes axe with the WCAG 2.2 AA tags', async ({ app, sandbox }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expectAccessible(page, 'sign-in')
  await page.getByRole('button', { name: 'Forgot password?' }).click()
  await expectAccessible(page, 'forgot password')
  await page.getByRole('button', { name: 'Back to sign in' }).click()

  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await expectAccessible(page, 'inbox')
  await queue(page, 'Revision & ROV').click()
  await expectAccessible(page, 'revision queue')
  await queue(page, 'All orders').click()

  const order = await assignOrder(sandbox, '88 Axe Ave')
  await app.syncNow()
  await openOrder(page, order)
  await expectAccessible(page, 'order detail')
  await page.getByRole('button', { name: 'Counter-offer' }).click()
  await expectAccessible(page, 'counter-offer dialog')
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Decline' }).click()
  await expectAccessible(page, 'decline dialog')
  await page.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('button', { name: 'Payments' }).click()
  await expect(page.getByRole('table', { name: 'Payments by order' })).toBeVisible()
  await expectAccessible(page, 'payments')

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
  await expectAccessible(page, 'settings')

  await page.getByRole('button', { name: 'Back to orders' }).click()
  await app.setOnline(false)
  await app.restart()
  await expect(app.page.getByText(/Offline — showing data from/).first()).toBeVisible()
  await expect(orderList(app.page).getByRole('option').first()).toBeVisible()
  await expectAccessible(app.page, 'offline inbox')
  await app.setOnline(true)
})
