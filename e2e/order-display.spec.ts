import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'
import { assignOrder, clientSays, openOrder, statusChip } from './support/orders'

const TIME = /\d{1,2}:\d{2}\s?[AP]M/
const DATE = /[A-Z][a-z]{2} \d{1,2}, \d{4}/

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.getByText('72 orders')).toBeVisible()
})

test('an action refused because the order changed closes its dialog, shows why, and offers what the new state allows', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '7 Refused Rd')
  await app.syncNow()
  await openOrder(page, order)
  await page.getByRole('button', { name: 'Decline', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Decline this order?' })
  await dialog.getByLabel('Too busy').check()
  // Meanwhile the client put it on hold.
  await clientSays(sandbox, `/orders/${order.id}/hold`, { reason: 'Borrower asked to wait' })
  await dialog.getByRole('button', { name: 'Decline order' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alert').filter({ hasText: 'This order changed in the meantime: it is now On Hold, so “Decline” no longer applies.' })).toBeVisible()
  await expect(statusChip(page)).toHaveText('On Hold')
  // On Hold, the only action is to cancel: apart from the day's work, at the foot of the order.
  await expect(page.getByRole('toolbar', { name: 'Order actions' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Other actions' }).getByRole('button')).toHaveText(['Cancel order…'])
})

test('a row says what it is: an ROV as an ROV, every row its status, an assignment its countdown — in what it shows and in its name', async ({ app }) => {
  const { page } = app
  await queue(page, 'Revision & ROV').click()
  const rov = orderList(page).getByRole('option', { name: /ROV — Client: Value below contract price/ }).first()
  await expect(rov).toBeVisible()
  await expect(rov.locator('.row-revision')).toHaveText(/^ROV — Client: Value below contract price/)
  await expect(orderList(page)).not.toContainText('Revision:')
  await queue(page, 'Awaiting response').click()
  const assigned = orderList(page).getByRole('option', { name: /Order Assigned/ }).first()
  await expect(assigned).toHaveAccessibleName(/Order Assigned.*Respond within \d+ h/)
  await queue(page, 'Completed').click()
  await expect(orderList(page).getByRole('option').first()).toHaveAccessibleName(/(Report Accepted|Order Completed) (Due|Overdue)/)
})

test('dates and times read the same everywhere', async ({ app, sandbox }) => {
  const { page } = app
  const order = await assignOrder(sandbox, '9 Calendar Ct')
  await app.syncNow()
  await openOrder(page, order)
  const due = page.locator('.fact').filter({ hasText: 'Due' }).locator('dd')
  // A due date is a date (docs/platform-contract.md → Times and dates): no time of day.
  await expect(due).toHaveText(new RegExp(`^${DATE.source}$`))
  await page.getByRole('button', { name: 'Counter-offer' }).click()
  await expect(page.getByRole('dialog')).toContainText(new RegExp(`due ${DATE.source}\\.`))
  await page.getByRole('button', { name: 'Close' }).click()
  await app.setOnline(false)
  const again = await app.restart()
  const banner = again.locator('.list-pane').getByRole('status').filter({ hasText: 'Offline — showing data from' })
  const bar = again.getByRole('contentinfo').getByRole('status')
  await expect(banner).toContainText(TIME)
  const bannerTime = (await banner.textContent())?.match(TIME)?.[0]
  await expect(bar).toHaveText(`○ Offline — showing data from ${bannerTime}`)
  await app.setOnline(true)
})

test('narrow rows keep what matters: the street and the fee whole, the client readable, a revision’s reason on its own line', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 900, height: 620 })
  await queue(page, 'Revision & ROV').click()
  const rows = orderList(page).getByRole('option')
  await expect(rows.first()).toBeVisible()
  for (const row of await rows.all()) {
    const cut = await row.evaluate((element) => {
      const shown = (part: string) => {
        const e = element.querySelector(part) as HTMLElement | null
        return e === null ? 1 : e.clientWidth / e.scrollWidth
      }
      // The city and the product give way first; a very long client name may lose its last letters, never most of itself.
      return [shown('.row-address') < 1 && '.row-address', shown('.row-fee') < 1 && '.row-fee', shown('.row-client') < 0.75 && '.row-client'].filter(Boolean)
    })
    expect(cut, await row.locator('.row-address').textContent() ?? '').toEqual([])
    const meta = await row.locator('.row-meta').boundingBox()
    const reason = await row.locator('.row-revision').boundingBox()
    expect(reason?.y ?? 0).toBeGreaterThanOrEqual((meta?.y ?? 0) + (meta?.height ?? 0) - 1)
  }
})

test('payments: an order number opens its order; an unpaid invoice says how long it has been outstanding', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Payments' }).click()
  const table = page.getByRole('table', { name: 'Payments by order' })
  const unpaid = table.getByRole('row').filter({ hasText: 'Unpaid' }).first()
  await expect(unpaid).toContainText(/Unpaid · outstanding (since today|\d+ days?)/)
  const number = (await unpaid.getByRole('button').textContent()) ?? ''
  await unpaid.getByRole('button', { name: number }).click()
  await expect(page.locator('.fact').filter({ hasText: 'Order #' })).toContainText(number)
})
