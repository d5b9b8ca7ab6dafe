import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createAppCore, type AppCore } from '../../src/main/core/app-core'
import { createLogger } from '../../src/main/core/logger'
import { createConfStore } from '../../src/main/core/storage/conf-store'
import { createKeychainCipher } from '../../test/support/keychain-cipher'
import type { BadgePort, FileDialogs, Notifier, UpdaterPort } from '../../src/main/core/ports'
import { memoryLogTail, nodeAppInfo, recordingFolders } from '../../test/support/node-ports'

export interface LaunchOptions {
  browser: Browser
  rendererOrigin: string
  bridgeScript: string
  sandboxUrl: string
  profileDir: string
  keychainKey: Buffer
  dialogs: FileDialogs
  /** A driven stand-in for the auto-updater (the packaged app's electron-updater). */
  updater?: UpdaterPort
  notifier?: Notifier
  badge?: BadgePort
}

export interface BrowserApp {
  page: Page
  core: AppCore
  /** Everything main answered or sent to the renderer, as JSON text, to prove no secret crossed. */
  ipcTraffic: string[]
  logs: string[]
  close(): Promise<void>
}

/**
 * "The app" for browser e2e: the real main-process core (conf store in the profile folder,
 * a stand-in OS keychain) wired through a Playwright binding to the built renderer in Chromium.
 */
export async function launchBrowserApp(options: LaunchOptions): Promise<BrowserApp> {
  const logs: string[] = []
  const ipcTraffic: string[] = []
  const logger = createLogger((_level, line) => logs.push(line))
  let page: Page | null = null
  const core: AppCore = createAppCore({
    dataDir: options.profileDir,
    store: createConfStore(options.profileDir, logger),
    cipher: createKeychainCipher({ key: options.keychainKey }),
    fetch: (input, init) => fetch(input, init),
    logger,
    sandbox: { url: async () => options.sandboxUrl },
    external: { open: async () => undefined },
    dialogs: options.dialogs,
    folders: recordingFolders(),
    logTail: memoryLogTail(logs),
    appInfo: nodeAppInfo(),
    updater: options.updater ?? null,
    notifier: options.notifier ?? null,
    badge: options.badge ?? null,
    window: { show: () => void page?.bringToFront().catch(() => undefined) },
    builtInUpdateFeed: options.updater ? 'https://updates.example.com/desktop' : null,
    trustedOrigins: [options.rendererOrigin]
  })
  const context: BrowserContext = await options.browser.newContext({ viewport: { width: 1360, height: 860 } })
  page = await context.newPage()
  await page.exposeBinding('__omnivmsInvoke', async (source, channel: string, payload: unknown) => {
    const result = await core.dispatch(channel, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, payload)
    const text = JSON.stringify(result)
    ipcTraffic.push(text)
    return text
  })
  await page.addInitScript({ content: options.bridgeScript })
  const unsubscribe = core.subscribe((channel, payload) => {
    const text = JSON.stringify(payload)
    ipcTraffic.push(text)
    page.evaluate(([c, p]) => window.__omnivmsDeliver(c, p), [channel, text] as const).catch(() => undefined)
  })
  await page.goto(`${options.rendererOrigin}/index.html`)
  return {
    page,
    core,
    ipcTraffic,
    logs,
    async close() {
      unsubscribe()
      core.dispose()
      await context.close()
    }
  }
}
