/**
 * Which Chromium the end-to-end tests drive, found the way people have one: CHROMIUM_PATH if set;
 * else Playwright's own (`npx playwright install chromium`); else a Chromium, Chrome or Edge at the
 * usual place for the OS. The OS, environment and file checks are passed in, so every OS's answer
 * is tested on any machine.
 */
import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'
import hostPath, { type PlatformPath } from 'node:path'

export interface BrowserLookup {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  path: Pick<PlatformPath, 'join'>
  exists(path: string): boolean
  /** Where Playwright's own Chromium is (or would be) installed. */
  playwrightChromium(): string | null
}

export type BrowserFound = { path: string; source: 'CHROMIUM_PATH' | 'Playwright' | 'system' } | { path: null; message: string }

export const INSTALL_A_BROWSER =
  'The end-to-end tests need Chromium, and none was found. Install Playwright’s with `npx playwright install chromium` ' +
  '(on Debian or Ubuntu, `sudo apt-get install chromium` works too), or set CHROMIUM_PATH to a Chromium or Chrome executable, then run `npm test` again.'

/** The usual places of a system Chromium, Chrome or Edge, per OS, the likeliest first. */
export function systemBrowserPaths(lookup: Pick<BrowserLookup, 'platform' | 'env' | 'path'>): string[] {
  const { platform, env, path } = lookup
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter((r): r is string => Boolean(r))
    return [
      ...roots.map((root) => path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => path.join(root, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((root) => path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'))
    ]
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ...(env.HOME ? [path.join(env.HOME, 'Applications', 'Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome')] : [])
    ]
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge']
}

export function findBrowser(lookup: BrowserLookup): BrowserFound {
  const chosen = lookup.env.CHROMIUM_PATH?.trim()
  if (chosen) {
    return lookup.exists(chosen) ? { path: chosen, source: 'CHROMIUM_PATH' } : { path: null, message: `CHROMIUM_PATH is set to ${chosen}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.` }
  }
  const own = lookup.playwrightChromium()
  if (own && lookup.exists(own)) return { path: own, source: 'Playwright' }
  const system = systemBrowserPaths(lookup).find((candidate) => lookup.exists(candidate))
  return system ? { path: system, source: 'system' } : { path: null, message: INSTALL_A_BROWSER }
}

/** This machine's answer. */
export function hostBrowser(): BrowserFound {
  return findBrowser({
    platform: process.platform,
    env: process.env,
    path: hostPath,
    exists: existsSync,
    playwrightChromium: () => {
      try {
        return chromium.executablePath()
      } catch {
        return null
      }
    }
  })
}

/** This machine's Chromium, for scripts and benches that drive one: throws the one message when there is none. */
export function hostBrowserPath(): string {
  const found = hostBrowser()
  if (found.path === null) throw new Error(found.message)
  return found.path
}
