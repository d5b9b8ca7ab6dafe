import { test, expect } from './fixtures'
import { signIn } from './support/actions'

test.describe('without a system keychain (Linux basic_text)', () => {
  test.use({ keychainBackend: 'basic_text' })

  // Browser project only: the real app reports this machine's own keychain; the browser project stands in for a Linux desktop without one.
  test('the offline copy of orders is kept on disk only if the user accepts that for it too, in words that say borrower data is involved', { tag: '@browser-only' }, async ({ app, sandbox }) => {
    const { page } = app
    await expect(page.getByTestId('offline-copy-notice')).toHaveCount(0)
    await page.getByLabel('Keep me signed in on this computer with weak protection').check()
    const question = page.getByTestId('offline-copy-notice')
    await expect(question).toContainText('It includes borrower names, phone numbers and e-mail addresses, and would have the same weak protection as your sign-in.')
    await expect(question.getByLabel('Keep orders only while the app is open (recommended)')).toBeChecked()
    await signIn(page, sandbox.vendor)
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('region', { name: 'Sign-in' })
    await expect(settings).toContainText('are kept in memory only, while the app is open')
    await settings.getByLabel('Keep an offline copy with borrower data on this computer, with weak protection').check()
    await expect(settings).toContainText('are kept encrypted on this computer for working offline')
  })
})
