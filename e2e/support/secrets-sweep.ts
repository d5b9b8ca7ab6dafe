import type { Page } from '@playwright/test'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

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

/** Every file under the profile folder, as text. */
export function profileText(dir: string): string {
  const parts: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name)
      const stat = statSync(full)
      if (stat.isDirectory()) walk(full)
      else if (stat.size < 5 * 1024 * 1024) parts.push(readFileSync(full, 'latin1'))
    }
  }
  walk(dir)
  return parts.join('\n')
}

/** The tokens found in any of the places; empty when the sweep is clean. */
export function tokensFoundIn(tokens: readonly string[], places: readonly string[]): string[] {
  return tokens.filter((token) => places.some((text) => text.includes(token)))
}
