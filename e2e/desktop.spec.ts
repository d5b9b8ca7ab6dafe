import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'

const primary = process.platform === 'darwin' ? 'Meta' : 'Control'

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.getByText('72 orders')).toBeVisible()
})

test('the Go shortcuts switch queues, focus search and refresh the data without reloading the page', async ({ app, sandbox }) => {
  const { page } = app
  await page.keyboard.press(`${primary}+2`)
  await expect(queue(page, 'Active')).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press(`${primary}+f`)
  await expect(page.getByLabel('Search orders')).toBeFocused()
  await page.keyboard.type('Maple')
  await sandbox.control.clearRequests()
  await page.keyboard.press(`${primary}+r`)
  await expect.poll(async () => (await sandbox.control.requests()).requests.filter((r) => /\/clients\/[^/]+\/orders$/.test(r.path)).length).toBe(3)
  // Still the same page: what was typed is still there.
  await expect(page.getByLabel('Search orders')).toHaveValue('Maple')
  await page.keyboard.press(`${primary}+7`)
  await expect(queue(page, 'All orders')).toHaveAttribute('aria-current', 'true')
})

test('the application menu drives the window', async ({ app }) => {
  const { page } = app
  await app.clickMenu(['Go', 'Inspection'])
  await expect(queue(page, 'Inspection')).toHaveAttribute('aria-current', 'true')
  await expect(orderList(page).getByRole('option').first()).toContainText(/Inspection/)
  await app.clickMenu(['Go', 'Search orders'])
  await expect(page.getByLabel('Search orders')).toBeFocused()
  await app.clickMenu(['File', 'Settings'])
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
})

test('Settings opens with Ctrl/Cmd+, and exports diagnostics with no secret or borrower data', async ({ app, sandbox }) => {
  const { page } = app
  await orderList(page).getByRole('option').first().click()
  await expect(page.getByRole('list', { name: 'Order history' })).toBeVisible()
  await page.keyboard.press(`${primary}+,`)
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Updates' })).toBeVisible()
  await expect(page.getByLabel('About this app')).toContainText('Operating system')
  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-diag-')), 'diagnostics.txt')
  await app.dialogs.answerSave(target)
  await page.getByRole('button', { name: 'Export diagnostics…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Diagnostics saved to ${target}` })).toBeVisible()
  const text = readFileSync(target, 'utf8')
  expect(text).toContain('## Last')
  expect(text).toContain('Signed in: yes (Vendor)')
  expect(text).not.toContain(sandbox.vendor.email)
  for (const token of (await sandbox.control.issuedTokens()).tokens) expect(text).not.toContain(token)
  expect(text).not.toContain(sandbox.vendor.password)
  await page.getByRole('button', { name: 'Back to orders' }).click()
  await expect(orderList(page)).toBeVisible()
})

// Browser project only: updates are off in the unpackaged Electron build the electron project launches.
test('a downloaded update is offered as "Restart to update" in the status bar', { tag: '@browser-only' }, async ({ app }) => {
  const { page } = app
  await expect(page.getByText('Update ready')).toHaveCount(0)
  await app.updateDownloaded('0.2.0')
  const bar = page.getByRole('contentinfo')
  await expect(bar).toContainText('Update ready —')
  await expect(bar.getByRole('button', { name: 'Restart to update' })).toBeVisible()
  await page.keyboard.press(`${primary}+,`)
  const updates = page.getByRole('region', { name: 'Updates' })
  await expect(updates).toContainText('Version 0.2.0 is ready. Restart to update, or it installs when you quit.')
  // The feed is shown, not editable: only the installer or an administrator's policy file sets it.
  await expect(updates.getByLabel('Update feed')).toHaveValue('https://updates.example.com/desktop')
  await expect(updates.getByLabel('Update feed')).not.toBeEditable()
  await expect(updates).toContainText('Built into this installer. An administrator can name another with an update policy file.')
})

test('an error the window did not handle reaches the log file', async ({ app }) => {
  await app.page.evaluate(() => {
    setTimeout(() => {
      throw new Error('Something broke in a component')
    })
  })
  await expect.poll(async () => (await app.logs()).some((line) => line.includes('renderer error') && line.includes('Something broke in a component'))).toBe(true)
})
