import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** The WCAG levels every screen is held to: 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Scans what the window shows now; every violation is listed with where it is. */
export async function expectAccessible(page: Page, screen: string, options: { include?: string } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
  const scan = await (options.include ? builder.include(options.include) : builder).analyze()
  const found = scan.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
  expect(found, `${screen}: axe with ${WCAG_TAGS.join(', ')}`).toEqual([])
}
