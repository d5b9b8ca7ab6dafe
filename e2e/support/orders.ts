import { expect, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SandboxFixture } from '../fixtures'
import { orderList } from './actions'

export interface CreatedOrder {
  id: string
  clientId: string
  loanId: string
  orderNumber: string
  street: string
}

/** A new order assigned to the demo appraiser through the control plane (status 1). */
export async function assignOrder(sandbox: SandboxFixture, street: string, options: { respondWithinMinutes?: number } = {}): Promise<CreatedOrder> {
  const response = await fetch(`${sandbox.url}/__sandbox/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ street, ...options })
  })
  const order = (await response.json()) as { id: string; clientId: string; loanId: string; orderNumber: string }
  return { ...order, street }
}

/** The client's side of the platform, through the control plane. */
export async function clientSays(sandbox: SandboxFixture, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(response.ok, `${path} answered ${response.status}`).toBe(true)
}

export async function openOrder(page: Page, order: CreatedOrder): Promise<void> {
  await page.getByLabel('Search orders').fill(order.orderNumber)
  await orderList(page).getByRole('option').first().click()
  await expect(page.getByRole('heading', { level: 2, name: order.street })).toBeVisible()
}

/** From the open order's Order Assigned: accept it and schedule the inspection in the first slot offered. */
export async function acceptAndSchedule(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(statusChip(page)).toHaveText('Order Accepted')
  await page.getByRole('button', { name: 'Schedule inspection' }).click()
  await page.getByRole('dialog').getByRole('radio').first().check()
  await page.getByRole('dialog').getByRole('button', { name: 'Schedule inspection' }).click()
  await expect(statusChip(page)).toHaveText('Inspection Scheduled')
}

export const detail = (page: Page) => page.locator('.detail')
export const statusChip = (page: Page) => page.locator('.detail-header .chip')

export function writeFiles(files: Record<string, Buffer>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'omnivms-e2e-files-'))
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      return [name, path]
    })
  )
}

export async function refresh(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Refresh' }).click()
}
