import { test, expect } from './fixtures'
import { orderList, queue, signIn } from './support/actions'

// Enough orders that the window paints its first screen before it builds the whole lists.
const ORDERS = 1_500
test.use({ sandboxOrders: ORDERS })

test('a large inbox says how many orders it holds from its first rows, and every one is in the list once it is built', async ({ app, sandbox }) => {
  const { page } = app
  // Every count the list shows and every busy state of the list, from before the first rows.
  await page.evaluate(() => {
    const seen: { count: string | null; busy: string | null; rows: number; wholeInboxIn: boolean }[] = []
    Object.assign(window, { __listStates: seen })
    new MutationObserver(() => {
      const list = document.querySelector('[role=listbox][aria-label=Orders]')
      if (!list) return
      const state = {
        count: document.querySelector('.list-count')?.textContent ?? null,
        busy: list.getAttribute('aria-busy'),
        rows: list.querySelectorAll('[role=option]').length,
        // The browser harness marks each answer the window receives (page-bridge.ts); Electron has no marks.
        wholeInboxIn: performance.getEntriesByName('omnivms:received:omnivms:call:listOrders').length > 0
      }
      const last = seen.at(-1)
      if (!last || last.count !== state.count || last.busy !== state.busy) seen.push(state)
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await signIn(page, sandbox.vendor)
  const list = orderList(page)
  await expect(page.getByText(`${ORDERS.toLocaleString('en-US')} orders`)).toBeVisible()
  await expect(list).not.toHaveAttribute('aria-busy', 'true')
  await expect(queue(page, 'All orders')).toContainText(ORDERS.toLocaleString('en-US'))

  const states = (await page.evaluate('window.__listStates')) as { count: string | null; busy: string | null; rows: number; wholeInboxIn: boolean }[]
  expect(states.length, 'the list was seen').toBeGreaterThan(0)
  expect(states[0]?.busy, 'the first rows came before the whole list').toBe('true')
  if (app.kind === 'browser') expect(states[0]?.wholeInboxIn, 'the first rows came from the first screen main sent, before the whole inbox').toBe(false)
  expect(states.every((state) => state.rows > 0 && state.count === `${ORDERS.toLocaleString('en-US')} orders`), JSON.stringify(states)).toBe(true)

  await list.focus()
  await page.keyboard.press('End')
  const chosen = list.getByRole('option', { selected: true })
  await expect(chosen).toHaveAttribute('id', `order-${ORDERS - 1}`)
  await expect(chosen).toBeInViewport()
})

test('while only the first screen is there, other queues show their counts and a search waits for the whole inbox', async ({ app, sandbox }) => {
  test.skip(app.kind === 'electron', 'Holding main’s answer back needs the browser harness’s transport (window.__omnivmsInvoke); the first test covers Electron.')
  const { page } = app
  // Main's whole inbox is held back until the test lets it through: the window has only its first screen meanwhile.
  await page.evaluate(() => {
    const invoke = window.__omnivmsInvoke
    let release = () => undefined as void
    const released = new Promise<void>((resolve) => (release = resolve))
    Object.assign(window, { __releaseWholeInbox: release })
    window.__omnivmsInvoke = async (channel, payload) => {
      if (channel.endsWith(':listOrders')) await released
      return invoke(channel, payload)
    }
  })
  await signIn(page, sandbox.vendor)
  const list = orderList(page)
  await expect(page.getByText(`${ORDERS.toLocaleString('en-US')} orders`)).toBeVisible()
  await expect(list).toHaveAttribute('aria-busy', 'true')
  const street = (await list.getByRole('option').first().locator('.row-address').textContent()) ?? ''
  expect(street).not.toBe('')

  // Another queue: its real count, no rows yet, the list still loading.
  const completedCount = (await queue(page, 'Completed').textContent())?.match(/[\d,]+$/)?.[0]
  expect(Number(completedCount?.replace(/,/g, ''))).toBeGreaterThan(0)
  await queue(page, 'Completed').click()
  await expect(page.getByText(`${completedCount} orders`)).toBeVisible()
  await expect(list).toHaveAttribute('aria-busy', 'true')
  await expect(list.getByRole('option')).toHaveCount(0)

  // A search cannot be answered from a first screen: it says it is loading, then answers from the whole inbox.
  await queue(page, 'All orders').click()
  await page.getByLabel('Search orders').fill(street)
  await expect(page.getByRole('status').filter({ hasText: 'Loading your orders…' })).toBeVisible()
  await page.evaluate('window.__releaseWholeInbox()')
  await expect(list).not.toHaveAttribute('aria-busy', 'true')
  await expect(list.getByRole('option').first()).toContainText(street)
})
