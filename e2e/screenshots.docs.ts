import { join, resolve } from 'node:path'
import { test, expect } from './fixtures'
import { signIn } from './support/actions'
import { assignOrder, openOrder } from './support/orders'
import { ORDER_STATUS } from '../src/shared/order-workflow'

/** The README's screenshots: Today, the order sheet as it prints (the PDF's first page), Settings. */
const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots')
const NAME = process.env.SCREENSHOT_SUFFIX ?? ''
test.use({ startScreen: null, windowTimeZone: 'America/Chicago' })

test('screenshots', async ({ app, sandbox }) => {
  const { page } = app
  const now = Date.now()
  const at = (hours: number) => new Date(Math.floor(now / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString()
  const sheet = await assignOrder(sandbox, '1418 Prairie View Dr')
  for (const [street, hours] of [['1418 Prairie View Dr', 2], ['77 Juniper Ct', 4]] as const) {
    const order = street === '1418 Prairie View Dr' ? sheet : await assignOrder(sandbox, street)
    sandbox.editOrder(order.id, (o) => {
      o.status = ORDER_STATUS.InspectionScheduled
      o.respondBy = null
      o.propertyAddress.state = 'IL'
      o.instructions = 'Call the borrower the day before. Gate code 4411; a friendly dog in the yard. Photos of the detached garage, please.'
      o.inspection = { scheduledAt: at(hours), completedAt: null }
    })
  }
  await signIn(page, sandbox.vendor)
  await expect(page.getByRole('heading', { level: 2, name: 'Today' })).toBeVisible()
  await page.screenshot({ path: join(OUT, `today${NAME}.png`) })
  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible()
  await page.screenshot({ path: join(OUT, `settings${NAME}.png`) })
  await page.keyboard.press('Control+7')
  await openOrder(page, sheet)
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: 816, height: 1056 })
  await page.screenshot({ path: join(OUT, `order-sheet${NAME}.png`) })
})
