import { test as base, expect, _electron, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEMO_ACCOUNTS } from '../src/sandbox/seed'
import { startSandboxServer } from '../src/sandbox/server'
import type { SandboxOrder } from '../src/sandbox/model'
import { sandboxControl } from '../test/support/sandbox-control'
import { takeDown } from '../test/support/sandbox-outage'
import { launchBrowserApp, type BrowserApp } from './harness/browser-app'
import { createScriptedDialogs } from '../test/support/scripted-dialogs'
import { startRendererServer } from './harness/renderer-server'
import { buildPageBridge } from './harness/page-bridge-bundle'
import { findElectronBinary } from './support/electron-binary'
import { createDrivenUpdater } from './harness/driven-updater'
import { createRecordingBadge, createRecordingNotifier } from '../test/support/recording-desktop'
import { profileText, rendererText, tokensFoundIn } from './support/secrets-sweep'
import { applicationMenu, type MenuItemSpec } from '../src/main/core/menu/app-menu'
import { readFileSync } from 'node:fs'

const ROOT = resolve(import.meta.dirname, '..')

export interface Credentials {
  email: string
  password: string
}

export interface SandboxFixture {
  url: string
  /** Every token this sandbox issued (in memory only), for the secrets sweep after each test. */
  issuedTokens(): string[]
  vendor: Credentials
  otherVendor: Credentials
  control: ReturnType<typeof sandboxControl>
  /** Stops the platform (connections refused) or starts it again on the same address with the same data. */
  setReachable(reachable: boolean): Promise<void>
  /** Changes an order's data in the platform as the client's side would (a due date, an appointment, a state). */
  editOrder(orderId: string, change: (order: SandboxOrder) => void): void
}

export interface AppFixture {
  /** 'browser': Chromium wired to the core with a stand-in keychain; 'electron': the real app. */
  kind: 'browser' | 'electron'
  /** The app window: signed out, pointed at this test's sandbox, with a fresh profile. */
  page: Page
  /** Quit and relaunch with the same profile; resolves to the new window. */
  restart(): Promise<Page>
  /** Every IPC answer and event the renderer received (browser project only; empty in Electron). */
  ipcTraffic(): string[]
  /** The channels of the events main sent the window so far, in order (both projects). */
  windowEvents(): Promise<string[]>
  /** What the next native open / save dialog answers (as if the user picked it). */
  dialogs: { answerOpen(paths: string[]): Promise<void>; answerSave(path: string | null): Promise<void> }
  /** Clicks an application menu item by its labels, e.g. ['Go', 'Active']. */
  clickMenu(labels: string[]): Promise<void>
  /** The main process's log lines so far. */
  logs(): Promise<string[]>
  /** Browser project only: the auto-updater reports a finished download (updates are off in the unpackaged Electron build). */
  updateDownloaded(version: string): Promise<void>
  /** The OS notifications shown so far. */
  notifications(): Promise<{ title: string; body: string }[]>
  /** Clicks the notification at `index` (as the user would, in the notification centre). */
  clickNotification(index: number): Promise<void>
  /** The dock / taskbar badge's number. */
  badge(): Promise<number>
  /** One sync with the platform, resolved when it is done. */
  syncNow(): Promise<void>
  /** The OS hands the running app an omnivms:// link. */
  openDeepLink(url: string): Promise<void>
  /** Closes the window to the tray (the app keeps running), and shows it again. */
  closeWindow(): Promise<void>
  showWindow(): Promise<void>
  /** The app loses (false) or regains (true) its network to the platform; it lasts across restarts. */
  setOnline(online: boolean): Promise<void>
}

/** The menu item with these labels (ignoring the & mnemonics of Windows and Linux). */
function findMenuItem(items: readonly MenuItemSpec[], labels: string[]): MenuItemSpec | null {
  const [first, ...rest] = labels
  const clean = (label: string) => label.replace(/&/g, '')
  const item = items.find((i) => (i.kind === 'submenu' || i.kind === 'command' || i.kind === 'action') && clean(i.label) === first)
  if (!item) return null
  if (rest.length === 0) return item
  return item.kind === 'submenu' ? findMenuItem(item.items, rest) : null
}

export type AppKindOption = { appKind: 'browser' | 'electron' }
/** The OS keychain the browser project's stand-in reports (Electron reports the machine's own). */
type KeychainOption = { keychainBackend: string }
/** Orders the sandbox gives the demo vendor (its seed's 72 unless a file asks for more). */
type SandboxOrdersOption = { sandboxOrders: number | undefined }
/** The window's time zone (the browser project's context), for the date checks run under several. */
type TimeZoneOption = { windowTimeZone: string | undefined }
/**
 * The first screen after sign-in, set in the profile before the app starts. The specs written for the
 * orders list start there ('orders'); null leaves the app's own default (Today), as a new user has it.
 */
type StartScreenOption = { startScreen: 'today' | 'orders' | null }
type WorkerFixtures = { rendererOrigin: string; bridgeScript: string }

export const test = base.extend<{ sandbox: SandboxFixture; app: AppFixture } & AppKindOption & KeychainOption & SandboxOrdersOption & TimeZoneOption & StartScreenOption, WorkerFixtures>({
  appKind: ['browser', { option: true }],
  startScreen: ['orders', { option: true }],
  windowTimeZone: [undefined, { option: true }],
  keychainBackend: ['test_keychain', { option: true }],
  sandboxOrders: [undefined, { option: true }],

  rendererOrigin: [
    async ({}, use) => {
      const server = await startRendererServer(join(ROOT, 'out', 'renderer'))
      await use(server.origin)
      await server.close()
    },
    { scope: 'worker' }
  ],

  bridgeScript: [
    async ({}, use) => {
      await use(await buildPageBridge())
    },
    { scope: 'worker' }
  ],

  sandbox: async ({ sandboxOrders }, use) => {
    let running = await startSandboxServer({ accessTokenTtlMs: 5 * 60_000, ...(sandboxOrders === undefined ? {} : { orders: sandboxOrders }) })
    let outage: Awaited<ReturnType<typeof takeDown>> | null = null
    const issuedBefore: string[] = []
    await use({
      url: running.url,
      issuedTokens: () => [...issuedBefore, ...running.sandbox.issuedTokens()],
      setReachable: async (reachable) => {
        if (!reachable && !outage) {
          issuedBefore.push(...running.sandbox.issuedTokens())
          outage = await takeDown(running, { accessTokenTtlMs: 5 * 60_000 })
        } else if (reachable && outage) {
          running = await outage.back()
          outage = null
        }
      },
      vendor: { email: DEMO_ACCOUNTS.vendor.email, password: DEMO_ACCOUNTS.vendor.password },
      otherVendor: { email: DEMO_ACCOUNTS.otherVendor.email, password: DEMO_ACCOUNTS.otherVendor.password },
      control: sandboxControl(running.url),
      editOrder: (orderId, change) => change(running.sandbox.orders.findById(orderId))
    })
    if (!outage) await running.close()
  },

  app: async ({ appKind, keychainBackend, windowTimeZone, startScreen, sandbox, browser, rendererOrigin, bridgeScript }, use, testInfo) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'omnivms-e2e-'))
    if (startScreen) writeFileSync(join(profileDir, 'config.json'), JSON.stringify({ settings: { window: { startScreen } } }))
    try {
      if (appKind === 'electron') {
        const electron = findElectronBinary(ROOT)
        if (electron.path === null) {
          // CI on the three systems sets this: there the binary must exist, and a skip would hide that it doesn't.
          if (process.env.OMNIVMS_REQUIRE_ELECTRON === '1') throw new Error(`The Electron binary is required here (OMNIVMS_REQUIRE_ELECTRON=1): ${electron.reason}`)
          testInfo.skip(true, `Skipped: ${electron.reason}. These specs run unchanged where Electron is installed.`)
          return
        }
        const executablePath = electron.path
        const launch = async () => {
          const app = await _electron.launch({
            executablePath,
            args: [join(ROOT, 'out', 'main', 'index.js')],
            env: { ...process.env, OMNIVMS_SANDBOX_URL: sandbox.url, OMNIVMS_USER_DATA_DIR: profileDir, ...(windowTimeZone ? { TZ: windowTimeZone } : {}) }
          })
          // Notifications are recorded (and stay clickable) as the app shows them.
          await app.evaluate(({ Notification }) => {
            const shown: unknown[] = []
            ;(globalThis as { __omnivmsShown?: unknown[] }).__omnivmsShown = shown
            const show = Notification.prototype.show
            Notification.prototype.show = function (this: InstanceType<typeof Notification>) {
              shown.push(this)
              return show.call(this)
            }
          })
          const page = await app.firstWindow()
          // What main sends the window, as the window receives it.
          await app.evaluate(({ BrowserWindow }) => {
            const sent: string[] = []
            ;(globalThis as { __omnivmsSent?: string[] }).__omnivmsSent = sent
            for (const window of BrowserWindow.getAllWindows()) {
              const contents = window.webContents
              const send = contents.send.bind(contents)
              contents.send = (channel: string, ...args: unknown[]) => {
                sent.push(channel)
                send(channel, ...args)
              }
            }
          })
          return { app, page }
        }
        let current = await launch()
        await use({
          kind: 'electron',
          page: current.page,
          restart: async () => {
            await current.app.close()
            current = await launch()
            return current.page
          },
          ipcTraffic: () => [],
          windowEvents: () => current.app.evaluate(() => [...((globalThis as { __omnivmsSent?: string[] }).__omnivmsSent ?? [])]),
          clickMenu: (labels) =>
            current.app.evaluate(({ Menu }, path) => {
              let items = Menu.getApplicationMenu()?.items ?? []
              for (const [i, label] of path.entries()) {
                const item = items.find((m) => m.label.replace(/&/g, '') === label)
                if (!item) throw new Error(`no menu item ${path.join(' → ')}`)
                if (i === path.length - 1) return void item.click()
                items = item.submenu?.items ?? []
              }
            }, labels),
          logs: async () => readFileSync(join(profileDir, 'logs', 'main.log'), 'utf8').split('\n'),
          updateDownloaded: async () => {
            throw new Error('updates are off in the unpackaged Electron build')
          },
          notifications: () =>
            current.app.evaluate(() => ((globalThis as { __omnivmsShown?: { title: string; body: string }[] }).__omnivmsShown ?? []).map(({ title, body }) => ({ title, body }))),
          clickNotification: (index) =>
            current.app.evaluate((_electron, i) => {
              const shown = (globalThis as { __omnivmsShown?: { emit(event: string): void }[] }).__omnivmsShown ?? []
              shown[i]?.emit('click')
            }, index),
          badge: () => current.app.evaluate(({ app }) => app.getBadgeCount()),
          syncNow: async () => {
            await current.app.evaluate(({ powerMonitor }) => void powerMonitor.emit('resume'))
          },
          openDeepLink: async (url) => {
            await current.app.evaluate(({ app }, link) => void app.emit('second-instance', {}, [process.execPath, link], ''), url)
          },
          closeWindow: async () => {
            await current.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
          },
          // The real app's network can't be cut from outside: the platform stops answering instead
          // (connections refused), which the app meets exactly as a lost network.
          setOnline: async (online) => {
            await sandbox.setReachable(online)
            if (online) await current.app.evaluate(({ powerMonitor }) => void powerMonitor.emit('resume'))
          },
          showWindow: async () => {
            await current.app.evaluate(({ BrowserWindow }) => {
              const window = BrowserWindow.getAllWindows()[0]
              window?.show()
              window?.focus()
            })
          },
          dialogs: {
            answerOpen: (paths) =>
              current.app.evaluate(({ dialog }, filePaths) => {
                dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog
              }, paths),
            answerSave: (path) =>
              current.app.evaluate(({ dialog }, filePath) => {
                dialog.showSaveDialog = (async () => ({ canceled: filePath === null, filePath: filePath ?? '' })) as typeof dialog.showSaveDialog
              }, path)
          }
        })
        await current.app.close()
      } else {
        const keychainKey = randomBytes(32)
        const dialogs = createScriptedDialogs()
        const updater = createDrivenUpdater()
        const notifier = createRecordingNotifier()
        const badge = createRecordingBadge()
        const network = { online: true }
        const launch = () => launchBrowserApp({ browser, rendererOrigin, bridgeScript, sandboxUrl: sandbox.url, profileDir, keychainKey, keychainBackend, dialogs, updater, notifier, badge, network, timezoneId: windowTimeZone })
        let current: BrowserApp = await launch()
        const traffic: string[] = []
        const sentBefore: string[] = []
        await use({
          kind: 'browser',
          get page() {
            return current.page
          },
          restart: async () => {
            traffic.push(...current.ipcTraffic)
            sentBefore.push(...current.windowEvents)
            await current.close()
            current = await launch()
            return current.page
          },
          ipcTraffic: () => [...traffic, ...current.ipcTraffic],
          windowEvents: async () => [...sentBefore, ...current.windowEvents],
          clickMenu: async (labels) => {
            const item = findMenuItem(applicationMenu({ platform: 'linux', isPackaged: false, productName: 'OmniValVMS Desktop' }), labels)
            if (item?.kind === 'command') return current.core.menuCommand(item.command)
            if (item?.kind === 'action' && (item.action === 'openSettings' || item.action === 'showAbout')) return current.core.menuCommand({ command: item.action })
            if (item?.kind === 'action' && item.action === 'exportDiagnostics') return void (await current.core.exportDiagnostics())
            throw new Error(`the browser harness cannot click ${labels.join(' → ')}`)
          },
          logs: async () => [...current.logs],
          updateDownloaded: async (version) => updater.finishDownload(version),
          notifications: async () => notifier.shown.map(({ title, body }) => ({ title, body })),
          clickNotification: async (index) => {
            notifier.click(index)
            await current.windowSettled()
          },
          badge: async () => badge.count,
          syncNow: () => current.core.syncNow(),
          openDeepLink: (url) => current.core.openDeepLink(url),
          closeWindow: () => current.closeWindow(),
          showWindow: () => current.showWindow(),
          setOnline: async (online) => {
            network.online = online
            // The window hears the change as the browser's online / offline events.
            await current.page.evaluate((on) => window.dispatchEvent(new Event(on ? 'online' : 'offline')), online).catch(() => undefined)
            if (online) await current.core.syncNow().catch(() => undefined)
          },
          dialogs: {
            answerOpen: async (paths) => dialogs.answerOpen(paths),
            answerSave: async (path) => dialogs.answerSave(path)
          }
        })
        // The secrets sweep after every end-to-end test: no token in the renderer, the IPC traffic, the logs or the profile.
        const windowText = await Promise.resolve()
          .then(() => rendererText(current.page))
          .catch(() => '')
        const places = [windowText, ...traffic, ...current.ipcTraffic, current.logs.join('\n'), profileText(profileDir)]
        expect(tokensFoundIn(sandbox.issuedTokens(), places), 'tokens found after the test').toEqual([])
        await current.close()
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
})

export { expect }
