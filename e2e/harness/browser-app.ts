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
  /** The backend the stand-in keychain reports, e.g. basic_text for a Linux desktop without one. */
  keychainBackend?: string
  dialogs: FileDialogs
  /** A driven stand-in for the auto-updater (the packaged app's electron-updater). */
  updater?: UpdaterPort
  notifier?: Notifier
  badge?: BadgePort
  /** Whether the platform can be reached; shared across restarts (a laptop without a signal stays so). */
  network?: { online: boolean }
  /** The computer's time zone as the window sees it (IANA); the machine's when not given. */
  timezoneId?: string
}

export interface BrowserApp {
  readonly page: Page
  core: AppCore
  /** Closes the window as closing to the tray does: the core (sync, notifications) keeps running. */
  closeWindow(): Promise<void>
  showWindow(): Promise<void>
  /** Resolves once a window the core asked for (a notification click) is open. */
  windowSettled(): Promise<void>
  /** Everything main answered or sent to the renderer, as JSON text, to prove no secret crossed. */
  ipcTraffic: string[]
  /** The channels of the events main sent the window, in order. */
  windowEvents: string[]
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
  let opening: Promise<Page> | null = null
  const core: AppCore = createAppCore({
    dataDir: options.profileDir,
    store: createConfStore(options.profileDir, logger),
    cipher: createKeychainCipher({ key: options.keychainKey, backend: options.keychainBackend }),
    // Without a network, a request fails as it does on a real machine: the connection can't be made.
    fetch: (input, init) => (options.network?.online === false ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    logger,
    sandbox: { url: async () => options.sandboxUrl },
    external: { open: async () => undefined, confirm: async () => true },
    dialogs: options.dialogs,
    folders: recordingFolders(),
    logTail: memoryLogTail(logs),
    appInfo: nodeAppInfo(),
    updater: options.updater ?? null,
    notifier: options.notifier ?? null,
    badge: options.badge ?? null,
    // Save as PDF: the page as Chromium prints it (Electron's printToPDF is the same engine), print media applied.
    printer: {
      windowToPdf: async () => {
        if (!page) throw new Error('no window to print')
        return page.pdf({ format: 'Letter' })
      }
    },
    // A notification click shows the window: the one that is open, or a new one if it was closed to the tray.
    window: {
      show: () => {
        opening = page ? page.bringToFront().then(() => page as Page) : openWindow()
        opening.catch(() => undefined)
      }
    },
    builtInUpdateFeed: options.updater ? 'https://updates.example.com/desktop' : null,
    trustedOrigins: [options.rendererOrigin]
  })
  const context: BrowserContext = await options.browser.newContext({ viewport: { width: 1360, height: 860 }, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) })
  const openWindow = async (): Promise<Page> => {
    const opened = await context.newPage()
    await opened.exposeBinding('__omnivmsInvoke', async (source, channel: string, payload: unknown) => {
      const result = await core.dispatch(channel, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, payload)
      const text = JSON.stringify(result)
      ipcTraffic.push(text)
      return text
    })
    await opened.addInitScript({ content: options.bridgeScript })
    page = opened
    await opened.goto(`${options.rendererOrigin}/index.html`)
    return opened
  }
  const windowEvents: string[] = []
  const unsubscribe = core.subscribe((channel, payload) => {
    const text = JSON.stringify(payload)
    ipcTraffic.push(text)
    if (page) windowEvents.push(channel)
    page?.evaluate(([c, p]) => window.__omnivmsDeliver(c, p), [channel, text] as const).catch(() => undefined)
  })
  await openWindow()
  return {
    get page() {
      if (!page) throw new Error('the window is closed (to the tray); showWindow() opens it')
      return page
    },
    core,
    ipcTraffic,
    windowEvents,
    logs,
    async closeWindow() {
      const closing = page
      page = null
      await closing?.close()
    },
    async showWindow() {
      if (page) await page.bringToFront()
      else await openWindow()
    },
    async windowSettled() {
      await opening
    },
    async close() {
      unsubscribe()
      await core.dispose()
      await context.close()
    }
  }
}
