import { test, expect, type SandboxFixture } from './fixtures'
import { orderList, signIn } from './support/actions'
import { assignOrder, detail, openOrder } from './support/orders'
import { ORDER_STATUS } from '../src/shared/order-workflow'
import type { SandboxOrder } from '../src/sandbox/model'

/** A new order of the demo appraiser's, moved by the platform's side to `status` (no answer awaited), then changed as `change` says. */
async function orderAt(sandbox: SandboxFixture, street: string, status: number, change: (order: SandboxOrder) => void = () => undefined) {
  const order = await assignOrder(sandbox, street)
  sandbox.editOrder(order.id, (o) => {
    o.status = status
    o.respondBy = null
    change(o)
  })
  return order
}

/**
 * Dates as dates and times in the property's zone, whatever the computer's zone: the same checks
 * under New York and Los Angeles (and the machine's own, UTC on CI), around midnight and a DST change.
 * docs/platform-contract.md → Times and dates says what each field means.
 */
for (const windowTimeZone of ['America/New_York', 'America/Los_Angeles']) {
  test.describe(`in ${windowTimeZone}`, () => {
    test.use({ windowTimeZone })

    test('a due date is the platform’s date, an appointment is in the property’s zone, labelled; history is readable', async ({ app, sandbox }) => {
      const { page } = app
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(windowTimeZone)
      await signIn(page, sandbox.vendor)
      const order = await orderAt(sandbox, '12 Midnight Ln', ORDER_STATUS.InspectionScheduled, (o) => {
        // Midnight UTC: still Dec 10 in both zones' clocks, but the report is due on Dec 11.
        o.dueDate = '2031-12-11T00:00:00.000Z'
        o.propertyAddress.state = 'IL'
        // The night the clocks go forward in Illinois: 3:30 AM CDT (2:30 AM does not exist).
        o.inspection = { scheduledAt: '2031-03-09T08:30:00.000Z', completedAt: null }
      })
      await app.syncNow()
      await openOrder(page, order)
      await expect(detail(page).locator('.fact').filter({ hasText: 'Due' })).toContainText('Dec 11, 2031')
      await expect(detail(page).locator('.fact').filter({ hasText: 'Inspection' })).toContainText('Sun, Mar 9, 3:30 AM CDT')
      // Every moment in the pane is written for people: no raw ISO timestamps anywhere.
      expect(await detail(page).innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
    })

    test('an appointment gone by asks to be marked complete, offers no calendar entry; On Hold is never overdue', async ({ app, sandbox }) => {
      const { page } = app
      await signIn(page, sandbox.vendor)
      const past = await orderAt(sandbox, '3 Yesterday Rd', ORDER_STATUS.InspectionScheduled, (o) => {
        o.propertyAddress.state = 'CA'
        o.inspection = { scheduledAt: new Date(Date.now() - 26 * 3_600_000).toISOString(), completedAt: null }
      })
      const held = await orderAt(sandbox, '9 Paused Pl', ORDER_STATUS.OnHold, (o) => {
        o.dueDate = new Date(Date.now() - 3 * 86_400_000).toISOString()
      })
      await app.syncNow()
      await openOrder(page, past)
      await expect(detail(page).getByText(/^Inspection was .+ — mark complete\?$/)).toBeVisible()
      await expect(detail(page).getByRole('button', { name: 'Add to calendar' })).toHaveCount(0)
      await page.getByLabel('Search orders').fill(held.orderNumber)
      const row = orderList(page).getByRole('option').first()
      await expect(row).toContainText('On hold')
      await expect(row).not.toContainText('Overdue')
    })
  })
}

test('Cancel order is apart from the day’s work, and not offered once the report is accepted', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  const working = await orderAt(sandbox, '5 Working Way', ORDER_STATUS.OrderAccepted)
  const accepted = await orderAt(sandbox, '6 Accepted Ave', ORDER_STATUS.ReportAccepted)
  await app.syncNow()
  await openOrder(page, working)
  await expect(page.getByRole('toolbar', { name: 'Order actions' }).getByRole('button', { name: /Cancel order/ })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Other actions' }).getByRole('button', { name: 'Cancel order…' })).toBeVisible()
  await openOrder(page, accepted)
  await expect(detail(page).getByRole('button', { name: /Cancel order/ })).toHaveCount(0)
})
