import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  await expect(orderList(page).getByRole('option').first()).toHaveAccessibleName(/(Report Accepted|Order Completed) .*\$[\d,.]+ (Due|Overdue)/)
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

// At 960 px every part of the first line is whole; narrower, the city gives way first.
for (const [width, height, whole] of [
  [960, 600, ['.row-address', '.row-city', '.row-fee', '.row-when', '.tag']],
  [900, 620, ['.row-address', '.row-fee', '.row-when', '.tag']]
] as const) {
  test(`rows hold their lines at ${width}×${height}: ${whole.length === 5 ? 'street, city' : 'street'}, fee and countdown whole, the status on one line, the client readable, a reason below`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height })
    for (const name of ['All orders', 'Revision & ROV', 'Inspection']) {
      await queue(page, name).click()
      const rows = orderList(page).getByRole('option')
      await expect(rows.first()).toBeVisible()
      for (const row of await rows.all()) {
        const problems = await row.evaluate((element, wholeParts) => {
          const part = (selector: string) => element.querySelector(selector) as HTMLElement | null
          const shown = (selector: string) => {
            const e = part(selector)
            return e === null ? 1 : e.clientWidth / e.scrollWidth
          }
          const found: string[] = []
          // The product gives way first (and goes at these widths); a very long client name may lose its end, never most of itself.
          for (const selector of wholeParts) if (shown(selector) < 1) found.push(`${selector} cut`)
          if (shown('.row-client') < 0.5) found.push('.row-client mostly cut')
          const chip = part('.chip')
          if (!chip || chip.getClientRects().length !== 1 || chip.getBoundingClientRect().height > 20) found.push('the status chip is not one compact line')
          // A line holds when each of its parts is one line and they all sit on the same one.
          for (const line of ['.row-main', '.row-meta']) {
            const parts = [...(part(line)?.children ?? [])].filter((e) => e.getClientRects().length > 0)
            const tops = parts.map((e) => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)
            if (parts.some((e) => e.getClientRects().length > 1) || Math.max(...tops) - Math.min(...tops) > 8) found.push(`${line} wraps`)
          }
          return found
        }, whole)
        expect(problems, `${name}: ${await row.innerText()}`).toEqual([])
        const reason = row.locator('.row-revision')
        if ((await reason.count()) === 0) continue
        const meta = await row.locator('.row-meta').boundingBox()
        const below = await reason.boundingBox()
        expect(below?.y ?? 0).toBeGreaterThanOrEqual((meta?.y ?? 0) + (meta?.height ?? 0) - 1)
        // The reason has the row's width, not the space left beside the status.
        expect(below?.width ?? 0).toBeGreaterThan(((await row.boundingBox())?.width ?? 0) * 0.8)
      }
    }
  })
}

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

test('payments say which property each paid for, filter by client and status, and export what they show', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Payments' }).click()
  const table = page.getByRole('table', { name: 'Payments by order' })
  const rows = table.getByRole('row').filter({ has: page.getByRole('button') })
  await expect(rows.first()).toBeVisible()
  const all = await rows.count()
  // The property of each invoice's order, as the inbox holds it ("12 Oak St, Madison, WI").
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText(/^\d+ .+, .+, [A-Z]{2}$/)
  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('unpaid')
  const client = page.getByRole('combobox', { name: 'Client', exact: true })
  await client.selectOption({ index: 1 })
  const clientName = (await client.locator('option:checked').textContent()) ?? ''
  const unpaid = await rows.count()
  expect(unpaid).toBeGreaterThan(0)
  expect(unpaid).toBeLessThan(all)
  for (const row of await rows.all()) {
    await expect(row).toContainText('Unpaid')
    await expect(row).toContainText(clientName)
  }
  await expect(page.getByRole('status').filter({ hasText: `${unpaid} of ${all} invoices` })).toBeVisible()
  const target = join(mkdtempSync(join(tmpdir(), 'omnivms-payments-')), 'unpaid.csv')
  await app.dialogs.answerSave(target)
  await page.getByRole('button', { name: 'Export payments…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Saved ${unpaid} payment${unpaid === 1 ? '' : 's'} to ${target}` })).toBeVisible()
  const lines = readFileSync(target, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines).toHaveLength(unpaid + 1)
  expect(lines.slice(1).every((line) => line.startsWith(clientName) && line.includes(',Unpaid,'))).toBe(true)
})

