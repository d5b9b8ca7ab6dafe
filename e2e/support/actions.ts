import { expect, type Page } from '@playwright/test'
import type { Credentials } from '../fixtures'

/** Signs in from the sign-in screen, answering the weak-storage question if the OS asks it. */
export async function signIn(page: Page, credentials: Credentials, options: { expectWorkspace?: boolean } = {}): Promise<void> {
  await page.getByLabel('Email').fill(credentials.email)
  await page.getByLabel('Password', { exact: true }).fill(credentials.password)
  const weak = page.getByLabel('Keep me signed in on this computer with weak protection')
  if (await weak.isVisible()) await weak.check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  if (options.expectWorkspace !== false) await expect(page.getByText('Signed in as')).toBeVisible()
}

export const orderList = (page: Page) => page.getByRole('listbox', { name: 'Orders' })
export const queue = (page: Page, name: string) => page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: new RegExp(`^${name}`) })
