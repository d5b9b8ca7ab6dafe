import { test, expect } from './fixtures'
import { signIn } from './support/actions'
import { assignOrder } from './support/orders'

test('omnivms://orders/… opens that order in the running app', async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  const order = await assignOrder(sandbox, '61 Link Ln')
  await app.openDeepLink(`omnivms://orders/${order.orderNumber}`)
  await expect(app.page.getByRole('heading', { level: 2, name: '61 Link Ln' })).toBeVisible()
})

test('a link that arrives signed out opens its order after sign-in', async ({ app, sandbox }) => {
  await app.openDeepLink('omnivms://orders/OV-2026-10007')
  await expect(app.page.getByRole('status').filter({ hasText: 'Sign in to open order OV-2026-10007.' })).toBeVisible()
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.locator('.fact', { hasText: 'Order #' }).locator('dd')).toHaveText('OV-2026-10007')
})

test('an order the account cannot see gets a plain message; other links are ignored and never navigate', async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  // OV-2026-10073 is the other appraiser's.
  await app.openDeepLink('omnivms://orders/OV-2026-10073')
  await expect(app.page.getByRole('status').filter({ hasText: "Order OV-2026-10073 isn't among your orders." })).toBeVisible()
  const url = app.page.url()
  for (const link of ['omnivms://orders/../../etc', 'omnivms://evil.example/orders/1', 'javascript:alert(1)', 'omnivms://orders/OV-1?x=1', 'https://phish.example/omnivms']) await app.openDeepLink(link)
  expect(app.page.url()).toBe(url)
  expect((await app.logs()).filter((l) => l.includes('ignored a link')).length).toBeGreaterThanOrEqual(5)
})

test('the reset link from the e-mail opens the reset form, filled in', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Forgot password?' }).click()
  await page.getByLabel('Email').fill(sandbox.vendor.email)
  await page.getByRole('button', { name: 'Send reset code' }).click()
  await expect(page.getByText('If an account exists for that e-mail')).toBeVisible()
  await page.getByRole('button', { name: 'Back to sign in' }).click()
  const mail = (await sandbox.control.outbox()).messages.at(-1)
  const link = /omnivms:\/\/reset-password\?\S+/.exec(mail?.body ?? '')?.[0]
  expect(link).toBeTruthy()
  await app.openDeepLink(link ?? '')
  await expect(page.getByLabel('Reset code')).toHaveValue(/^\d{6}$/)
  await page.getByLabel('New password', { exact: true }).fill('linked-new-pass-1')
  await page.getByLabel('Confirm new password').fill('linked-new-pass-1')
  await page.getByRole('button', { name: 'Reset password' }).click()
  await signIn(page, { email: sandbox.vendor.email, password: 'linked-new-pass-1' })
})
