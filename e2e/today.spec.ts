import { test, expect, type SandboxFixture } from './fixtures'
import { orderList, signIn } from './support/actions'
import { assignOrder } from './support/orders'
import { ORDER_STATUS } from '../src/shared/order-workflow'
import type { SandboxOrder } from '../src/sandbox/model'

/** Today, as a new user has it: the first screen after sign-in, unless Settings says otherwise. */
test.use({ startScreen: null, windowTimeZone: 'America/Chicago' })

/** 9:00 AM in Chicago on a Tuesday: the window's clock, fixed, so "today" is the same whenever the suite runs. */
const NOW = new Date('2031-06-10T14:00:00.000Z')

async function orderAt(sandbox: SandboxFixture, street: string, status: number, change: (order: SandboxOrder) => void) {
  const order = await assignOrder(sandbox, street)
  sandbox.editOrder(order.id, (o) => {
    o.status = status
    o.respondBy = null
    o.propertyAddress.state = 'IL'
    o.dueDate = '2031-06-20T00:00:00.000Z'
    change(o)
  })
  return order
}

test('Today is the first screen: the day’s inspections in time order, what is due today, what is overdue, the next days', async ({ app, sandbox }) => {
  const { page } = app
  await page.clock.setFixedTime(NOW)
  await orderAt(sandbox, '2 Afternoon Ave', ORDER_STATUS.InspectionScheduled, (o) => (o.inspection = { scheduledAt: '2031-06-10T19:00:00.000Z', completedAt: null }))
  await orderAt(sandbox, '1 Morning Mews', ORDER_STATUS.InspectionScheduled, (o) => {
    o.inspection = { scheduledAt: '2031-06-10T16:00:00.000Z', completedAt: null }
    o.contacts = [
      { role: 'Loan officer', name: 'Lou Officer', phone: '(555) 300-0002', email: null },
      { role: 'Borrower', name: 'Bea Morning', phone: '(555) 201-0001', email: 'bea@example.com' }
    ]
  })
  await orderAt(sandbox, '3 Answer St', ORDER_STATUS.OrderAssigned, (o) => (o.respondBy = '2031-06-10T20:00:00.000Z'))
  await orderAt(sandbox, '4 Late Ln', ORDER_STATUS.InProgress, (o) => (o.dueDate = '2031-06-08T00:00:00.000Z'))
  await orderAt(sandbox, '5 Thursday Terrace', ORDER_STATUS.InProgress, (o) => (o.dueDate = '2031-06-12T00:00:00.000Z'))
  await orderAt(sandbox, '6 Paused Pl', ORDER_STATUS.OnHold, (o) => (o.dueDate = '2031-06-08T00:00:00.000Z'))
  await signIn(page, sandbox.vendor)

  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: 'Today' })).toHaveAttribute('aria-current', 'true')
  const inspections = page.getByRole('region', { name: 'Today view' }).getByLabel('Inspections today')
  await expect(inspections.locator('.agenda-where strong')).toHaveText(['1 Morning Mews', '2 Afternoon Ave'])
  await expect(inspections.locator('.agenda-when').first()).toHaveText('Inspection 11:00 AM')
  await expect(inspections.getByRole('button', { name: 'Directions' })).toHaveCount(2)
  // The borrower's own phone, from the order's contacts — not the loan officer's — to call from the day's list.
  await expect(inspections.locator('.agenda-item').first().getByRole('button', { name: 'Call Bea Morning, (555) 201-0001' })).toBeVisible()
  await expect(inspections).not.toContainText('(555) 300-0002')
  await expect(page.getByLabel('Answer or deliver today')).toContainText('3 Answer St')
  await expect(page.getByLabel('Answer or deliver today')).toContainText(/Respond within 6 h/)
  await expect(page.getByLabel('Overdue')).toContainText('4 Late Ln')
  // On hold, a due date gone by waits with the order: not overdue, not on the day at all.
  await expect(page.getByRole('region', { name: 'Today view' })).not.toContainText('6 Paused Pl')
  await expect(page.getByLabel('Coming up')).toContainText('Thursday, June 12')
  await expect(page.getByLabel('Coming up')).toContainText('5 Thursday Terrace')

  // Keyboard-first: j moves to the next item, Enter opens its order.
  await inspections.locator('.agenda-open').first().focus()
  await page.keyboard.press('j')
  await expect(inspections.locator('.agenda-open').nth(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: '2 Afternoon Ave' })).toBeVisible()
  // And back with the Go shortcut.
  await page.keyboard.press('Control+0')
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible()
})

test('Settings can make the orders list the first screen instead', async ({ app, sandbox }) => {
  const { page } = app
  await signIn(page, sandbox.vendor)
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible()
  await page.keyboard.press('Control+,')
  await page.getByLabel('After signing in, show').selectOption('orders')
  await expect(page.getByLabel('After signing in, show')).toHaveValue('orders')
  const again = await app.restart()
  await expect(orderList(again).getByRole('option').first()).toBeVisible()
  await expect(again.getByRole('heading', { level: 2, name: 'Today' })).toHaveCount(0)
})
