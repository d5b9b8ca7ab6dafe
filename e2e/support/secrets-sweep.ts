import type { Page } from '@playwright/test'

/** Everything the renderer holds that a token could hide in: the DOM, string globals, storage. */
export async function rendererText(page: Page): Promise<string> {
  if (page.isClosed()) return ''
  return page
    .evaluate(async () => {
      const globals = Object.getOwnPropertyNames(window)
        .map((name) => {
          try {
            const value = (window as unknown as Record<string, unknown>)[name]
            return typeof value === 'string' ? value : ''
          } catch {
            return ''
          }
        })
        .join('\n')
      const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
      const databases = (await indexedDB.databases()).map((d) => d.name).join(',')
      return [document.documentElement.outerHTML, globals, storage, databases, document.cookie].join('\n')
    })
    .catch(() => '')
}

export { profileText } from '../../test/support/profile-files'

/** The tokens found in any of the places; empty when the sweep is clean. */
export function tokensFoundIn(tokens: readonly string[], places: readonly string[]): string[] {
  return tokens.filter((token) => places.some((text) => text.includes(token)))
}
