import { test, expect } from './fixtures'
import { orderList, signIn } from './support/actions'

const orderListOption = (page: Parameters<typeof orderList>[0]) => orderList(page).getByRole('option').first()

test('after five wrong passwords the sign-in screen says how long to wait', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByLabel('Email').fill(sandbox.vendor.email)
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password', { exact: true }).fill(`wrong-${i}`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toHaveText("That e-mail and password don't match.")
  }
  await page.getByLabel('Password', { exact: true }).fill(sandbox.vendor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Try again in \d+ s\.$/)
})

test('when the platform asks to slow down, the status bar says so and the app carries on by itself', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await sandbox.control.fault({ method: 'GET', path: '/api/clients/*/orders', mode: 'status', status: 429, retryAfter: 3, count: 3 })
  await page.getByRole('button', { name: 'Refresh' }).click()
  const status = page.getByRole('contentinfo').getByRole('status')
  await expect(status).toHaveText(/^Retrying in \d s$/)
  await expect(status).toHaveText('● Online', { timeout: 10_000 })
  await expect(page.getByText('Offline')).toHaveCount(0)
})

test('a Retry-After past a minute is shown as the time the app tries again, and nothing is asked before then', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await sandbox.control.fault({ method: 'GET', path: '/api/me', mode: 'status', status: 429, retryAfter: 600, count: 1 })
  await sandbox.control.clearRequests()
  await page.getByRole('button', { name: 'Refresh' }).click()
  const status = page.getByRole('contentinfo').getByRole('status')
  await expect(status).toHaveText(/^Retrying at \d{1,2}:\d{2}\s?[AP]M$/)
  // Whatever the window asks meanwhile waits: the platform hears nothing more.
  await orderListOption(page).click()
  await expect.poll(async () => (await sandbox.control.requests()).requests.length).toBe(1)
})

test('an answer the app cannot read is said plainly, with Try again', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await sandbox.control.fault({ method: 'GET', path: '/api/me', mode: 'garbage', count: 1 })
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByRole('alert')).toContainText("Couldn't refresh your orders: OmniValVMS sent a response this app doesn't understand")
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByText('72 orders')).toBeVisible()
})
