import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'
import { assignOrder, openOrder, statusChip } from './support/orders'

test.beforeEach(async ({ app, sandbox }) => {
  await signIn(app.page, sandbox.vendor)
  await expect(app.page.getByText('72 orders')).toBeVisible()
})

test('a new assignment pops up as a notification naming client, address and fee — never the borrower — and opens the order', async ({ app, sandbox }) => {
  const before = await app.badge()
  const order = await assignOrder(sandbox, '12 Oak St')
  await app.syncNow()
  const shown = await app.notifications()
  expect(shown).toHaveLength(1)
  expect(shown[0]?.title).toBe('New order from Lakeshore Mortgage')
  expect(shown[0]?.body).toMatch(/^12 Oak St, \w[\w ]* · \$550 · respond within 4 h$/)
  expect(await app.badge()).toBe(before + 1)
  // The list learned about it without a refresh.
  await expect(app.page.getByText('73 orders')).toBeVisible()
  await app.clickNotification(0)
  await expect(app.page.getByRole('heading', { level: 2, name: order.street })).toBeVisible()
  await expect(app.page.locator('.detail-status')).toContainText('Respond within 4 h')
})

test('what the appraiser does in the app is never notified, and an unchanged sync sends the window nothing', async ({ app, sandbox }) => {
  const order = await assignOrder(sandbox, '4 Quiet Ln')
  await app.syncNow()
  await openOrder(app.page, order)
  // Declined, the order goes back for reassignment: had the platform done that (1 → 16), it would be news.
  await app.page.getByRole('button', { name: 'Decline', exact: true }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Decline this order?' })
  await dialog.getByLabel('Too busy').check()
  await dialog.getByRole('button', { name: 'Decline order' }).click()
  await expect(statusChip(app.page)).toHaveText('Declined — returned for reassignment')
  const seen = (await app.notifications()).length
  await app.syncNow()
  const sent = (await app.windowEvents()).length
  await app.syncNow()
  await app.syncNow()
  expect((await app.notifications()).length).toBe(seen)
  // Main pushed the window no inbox: nothing had changed.
  expect((await app.windowEvents()).slice(sent).filter((channel) => channel.endsWith('inboxChanged'))).toEqual([])
})

test('more than three changes at once make one summary', async ({ app, sandbox }) => {
  for (const street of ['1 A St', '2 B St', '3 C St', '4 D St']) await assignOrder(sandbox, street)
  await app.syncNow()
  expect(await app.notifications()).toEqual([{ title: '4 new orders', body: '1 A St, 2 B St, 3 C St and 1 more' }])
})

test('an assignment counts down to its deadline, warns in the last hour, and is reassigned when it passes', async ({ app, sandbox }) => {
  const soon = await assignOrder(sandbox, '50 Minute Way', { respondWithinMinutes: 50 })
  await assignOrder(sandbox, '200 Later Rd', { respondWithinMinutes: 200 })
  await app.syncNow()
  const titles = (await app.notifications()).map((n) => n.title)
  expect(titles).toContain('50 min left to respond — 50 Minute Way')
  await queue(app.page, 'Awaiting response').click()
  // Sorted by deadline: the one with less time first.
  await expect(orderList(app.page).getByRole('option').first()).toContainText('50 Minute Way')
  await expect(orderList(app.page).getByRole('option').first().locator('.respond-soon')).toHaveText(/^Respond within (49|50) min$/)
  await sandbox.control.advanceClock(51 * 60_000)
  await app.syncNow()
  expect((await app.notifications()).map((n) => n.title)).toContain('Order reassigned — 50 Minute Way')
  await expect(orderList(app.page).getByRole('option').filter({ hasText: '50 Minute Way' })).toHaveCount(0)
  await queue(app.page, 'All orders').click()
  await app.page.getByLabel('Search orders').fill(soon.orderNumber)
  await orderList(app.page).getByRole('option').first().click()
  await expect(statusChip(app.page)).toHaveText('Reassigned — no response in time')
  await expect(app.page.getByRole('status').filter({ hasText: 'went back for reassignment' })).toBeVisible()
  await expect(app.page.getByRole('list', { name: 'Order history' }).getByRole('listitem').first()).toContainText('No response within the response time')
})

test('closed to the tray the app keeps syncing; a notification click brings the window back on that order', async ({ app, sandbox }) => {
  await app.closeWindow()
  const order = await assignOrder(sandbox, '77 Tray Ter')
  await app.syncNow()
  expect((await app.notifications()).map((n) => n.title)).toEqual(['New order from Lakeshore Mortgage'])
  await app.clickNotification(0)
  await expect(app.page.getByRole('heading', { level: 2, name: order.street })).toBeVisible()
})

test('Settings: notification kinds can be switched off, and all can be paused for an hour', async ({ app, sandbox }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const notifications = page.getByRole('region', { name: 'Notifications' })
  await notifications.getByLabel('New assignments').uncheck()
  await expect(notifications.getByLabel('New assignments')).not.toBeChecked()
  await assignOrder(sandbox, '8 Muted Ave')
  await app.syncNow()
  expect(await app.notifications()).toEqual([])
  await notifications.getByLabel('New assignments').check()
  await notifications.getByRole('button', { name: 'Pause notifications for 1 hour' }).click()
  await expect(notifications.getByRole('status')).toContainText('Paused until')
  await assignOrder(sandbox, '9 Paused Pl')
  await app.syncNow()
  expect(await app.notifications()).toEqual([])
  await notifications.getByRole('button', { name: 'Resume notifications' }).click()
  await assignOrder(sandbox, '10 Loud Ln')
  await app.syncNow()
  expect((await app.notifications()).map((n) => n.body.split(',')[0])).toEqual(['10 Loud Ln'])
  await expect(page.getByRole('region', { name: 'Sync' }).getByLabel('Check for new and changed orders every')).toHaveValue('60')
})
