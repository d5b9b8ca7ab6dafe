import { posix, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INSTALL_A_BROWSER, findBrowser, type BrowserLookup } from '../support/browser-path'

/** A machine of `platform` where only `present` exists. */
function machine(platform: NodeJS.Platform, present: string[], env: Record<string, string> = {}, playwright: string | null = null): BrowserLookup {
  return { platform, env, path: platform === 'win32' ? win32 : posix, exists: (p) => present.includes(p), playwrightChromium: () => playwright }
}

describe('the browser the end-to-end tests drive', () => {
  it('is CHROMIUM_PATH first, then Playwright’s own, then the system’s', () => {
    const own = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome'
    expect(findBrowser(machine('linux', ['/opt/c', own, '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/c' }, own))).toEqual({ path: '/opt/c', source: 'CHROMIUM_PATH' })
    expect(findBrowser(machine('linux', [own, '/usr/bin/chromium'], {}, own))).toEqual({ path: own, source: 'Playwright' })
    expect(findBrowser(machine('linux', ['/usr/bin/chromium'], {}, own))).toEqual({ path: '/usr/bin/chromium', source: 'system' })
    expect(findBrowser(machine('linux', ['/usr/bin/chromium-browser']))).toMatchObject({ path: '/usr/bin/chromium-browser' })
  })

  it('finds Chrome or Edge where Windows installs them', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }
    expect(findBrowser(machine('win32', ['C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], env))).toMatchObject({ source: 'system', path: 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe' })
    expect(findBrowser(machine('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env))).toMatchObject({ path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' })
  })

  it('finds Chrome where macOS keeps it', () => {
    expect(findBrowser(machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))).toMatchObject({ path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' })
    expect(findBrowser(machine('darwin', ['/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { HOME: '/Users/ann' }))).toMatchObject({ source: 'system' })
  })

  it('says once how to get one when there is none, and never falls back past a CHROMIUM_PATH that is wrong', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(findBrowser(machine(platform, []))).toEqual({ path: null, message: INSTALL_A_BROWSER })
    expect(INSTALL_A_BROWSER).toContain('npx playwright install chromium')
    expect(findBrowser(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' }))).toEqual({ path: null, message: expect.stringContaining('CHROMIUM_PATH is set to /nope/chrome, which does not exist') })
  })
})
