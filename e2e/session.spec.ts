import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'
import { rendererText } from './support/secrets-sweep'

test('signs in and shows one inbox with orders from all three clients', async ({ app, sandbox }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
  await expect(page.getByLabel('Keep me signed in', { exact: true })).toBeChecked()
  if (app.kind === 'browser') await expect(page.getByText('Kept encrypted by your system keychain.')).toBeVisible()
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('Jordan Rivera')).toBeVisible()
  const clients = page.getByRole('navigation', { name: 'Queues' })
  for (const client of ['Lakeshore Mortgage', 'Summit Valuation AMC', 'Redwood Federal Credit Union']) {
    await expect(clients.getByRole('button', { name: new RegExp(client) })).toBeVisible()
    await expect(orderList(page).getByRole('option', { name: new RegExp(client) }).first()).toBeVisible()
  }
  await expect(page.getByText('72 orders')).toBeVisible()
  await expect(queue(page, 'All orders')).toContainText('72')
})

test('a wrong password shows a clear error and keeps what was typed', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByLabel('Email').fill(sandbox.vendor.email)
  await page.getByLabel('Password', { exact: true }).fill('wrong-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText("That e-mail and password don't match.")
  await expect(page.getByLabel('Email')).toHaveValue(sandbox.vendor.email)
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})

test('stays signed in across a restart without asking for the password', async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  const page = await app.restart()
  await expect(page.getByText('Signed in as')).toBeVisible()
  await expect(page.getByText('72 orders')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
  const signIns = (await sandbox.control.requests()).requests.filter((r) => r.path === '/api/auth/sign-in')
  expect(signIns).toHaveLength(1)
})

test('refreshes an expired access token invisibly', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByText('72 orders')).toBeVisible()
  await sandbox.control.expireTokens()
  await orderList(page).getByRole('option').first().click()
  await expect(page.getByRole('list', { name: 'Order history' })).toBeVisible()
  await expect(page.getByText('Signed in as')).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  const log = (await sandbox.control.requests()).requests
  expect(log.filter((r) => r.path === '/api/auth/refresh-token' && r.status === 200)).toHaveLength(1)
  expect(log.filter((r) => r.status === 401).length).toBeGreaterThan(0)
})

test('a revoked session returns to sign-in with a reason, and nothing typed is lost', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await page.getByLabel('Search orders').fill('Maple')
  await sandbox.control.revokeTokens()
  await sandbox.control.expireTokens()
  await orderList(page).getByRole('option').first().click()
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveText(/Your session has ended\. Sign in again to continue/)
  await expect(page.getByLabel('Email')).toHaveValue(sandbox.vendor.email)
  await page.getByLabel('Password', { exact: true }).fill(sandbox.vendor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Search orders')).toHaveValue('Maple')
  await expect(page.getByRole('list', { name: 'Order history' })).toBeVisible()
})

test('signing out revokes the session; after a restart the sign-in screen shows', async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await app.page.getByRole('button', { name: 'Sign out' }).click()
  await expect(app.page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  if (app.kind === 'browser') await expect(app.page.getByText('Kept encrypted by your system keychain.')).toBeVisible()
  expect((await sandbox.control.sessions()).sessions).toHaveLength(0)
  const page = await app.restart()
  await expect(page.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(sandbox.vendor.email)
})

test('resets a forgotten password with the code from the e-mail', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Forgot password?' }).click()
  await page.getByLabel('Email').fill(sandbox.vendor.email)
  await page.getByRole('button', { name: 'Send reset code' }).click()
  await expect(page.getByText('If an account exists for that e-mail')).toBeVisible()
  const mail = (await sandbox.control.outbox()).messages.at(-1)
  const code = /code is (\d{6})/.exec(mail?.body ?? '')?.[1]
  expect(mail?.to).toBe(sandbox.vendor.email)
  expect(code).toBeTruthy()
  await page.getByLabel('Reset code').fill(code ?? '')
  await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-1')
  await page.getByLabel('Confirm new password').fill('brand-new-pass-1')
  await page.getByRole('button', { name: 'Reset password' }).click()
  await expect(page.getByText('Your password was changed. Sign in with your new password.')).toBeVisible()
  await signIn(page, { email: sandbox.vendor.email, password: 'brand-new-pass-1' })
})

test('the renderer never holds a token', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await orderList(page).getByRole('option').first().click()
  await sandbox.control.expireTokens()
  await orderList(page).getByRole('option').nth(1).click()
  await expect(page.getByRole('list', { name: 'Order history' })).toBeVisible()
  const { sessions } = await sandbox.control.sessions()
  expect(sessions.length).toBeGreaterThan(0)
  const secrets = sessions.flatMap((s) => [s.accessToken, s.refreshToken ?? ''].filter(Boolean))

  const seen = [await rendererText(page), ...app.ipcTraffic()].join('\n')
  for (const secret of secrets) expect(seen).not.toContain(secret)
  expect(seen).not.toContain(sandbox.vendor.password)
  // The renderer cannot reach the platform on its own either: CSP forbids any connection.
  const direct = await page.evaluate(async (url) => {
    try {
      await fetch(`${url}/api/me`)
      return 'connected'
    } catch {
      return 'blocked'
    }
  }, sandbox.url)
  expect(direct).toBe('blocked')
})

test('Settings → Sign-in: “Keep me signed in on this computer” off means signing in again after a restart', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await page.getByRole('button', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Sign-in' })
  const keep = section.getByLabel('Keep me signed in on this computer')
  await expect(keep).toBeChecked()
  await keep.click()
  await expect(keep).not.toBeChecked()
  await expect(section.getByRole('status')).toHaveText(
    "Your sign-in is kept in memory only: you'll sign in again the next time the app opens. Your orders, queued inspection updates and unsent form text are kept in memory only, while the app is open."
  )
  const again = await app.restart()
  await expect(again.getByRole('heading', { name: 'Sign in to OmniValVMS' })).toBeVisible()
})
