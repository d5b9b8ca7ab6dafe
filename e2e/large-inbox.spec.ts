import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'

// Enough orders that the window paints its first screen before it builds the whole lists.
const ORDERS = 1_500
test.use({ sandboxOrders: ORDERS })

test('a large inbox says how many orders it holds from its first rows, and every one is in the list once it is built', async ({ app, sandbox }) => {
  const { page } = app
  // Every count the list shows and every busy state of the list, from before the first rows.
  await page.evaluate(() => {
    const seen: { count: string | null; busy: string | null; rows: number }[] = []
    Object.assign(window, { __listStates: seen })
    new MutationObserver(() => {
      const list = document.querySelector('[role=listbox][aria-label=Orders]')
      if (!list) return
      const state = { count: document.querySelector('.list-count')?.textContent ?? null, busy: list.getAttribute('aria-busy'), rows: list.querySelectorAll('[role=option]').length }
      const last = seen.at(-1)
      if (!last || last.count !== state.count || last.busy !== state.busy) seen.push(state)
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await signIn(page, sandbox.vendor)
  const list = orderList(page)
  await expect(page.getByText(`${ORDERS.toLocaleString('en-US')} orders`)).toBeVisible()
  await expect(list).not.toHaveAttribute('aria-busy', 'true')
  await expect(queue(page, 'All orders')).toContainText(ORDERS.toLocaleString('en-US'))

  const states = (await page.evaluate('window.__listStates')) as { count: string | null; busy: string | null; rows: number }[]
  expect(states.length, 'the list was seen').toBeGreaterThan(0)
  expect(states[0]?.busy, 'the first rows came before the whole list').toBe('true')
  expect(states.every((state) => state.rows > 0 && state.count === `${ORDERS.toLocaleString('en-US')} orders`), JSON.stringify(states)).toBe(true)

  await list.focus()
  await page.keyboard.press('End')
  const chosen = list.getByRole('option', { selected: true })
  await expect(chosen).toHaveAttribute('id', `order-${ORDERS - 1}`)
  await expect(chosen).toBeInViewport()
})
