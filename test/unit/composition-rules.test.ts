import { describe, expect, it } from 'vitest'
import { runMenuAction, type MenuActionEffects } from '../../src/main/core/menu/menu-actions'
import type { MainAction } from '../../src/main/core/menu/app-menu'
import { createMemoryStore } from '../../src/main/core/storage/recovering-store'
import { savedSessionOpens } from '../../src/main/core/storage/personal-data-policy'
import { applySettingsEffects, uploadLimitBytes } from '../../src/main/core/settings/settings-effects'
import { SettingsService } from '../../src/main/core/settings/settings-service'
import { builtInFeedOf, policyFilesOfApp } from '../../src/main/core/updates/update-feed-policy'
import { CRASH_LOOP_COUNT, CrashGuard } from '../../src/main/core/window/crash-guard'
import { QUIT_WAIT_MS, onRendererGone, onWindowClose, quitsWhenLastWindowCloses, settleWithin } from '../../src/main/core/window/window-lifecycle'
import { createFakeClock } from '../support/fake-clock'

/** The rules Electron's main file (src/main/index.ts) and app-core.ts only carry out. */
describe('the window going away', () => {
  it('closing hides the window to the tray unless quitting or the tray is off', () => {
    expect(onWindowClose({ quitting: false, closesToTray: true })).toBe('hide')
    expect(onWindowClose({ quitting: true, closesToTray: true })).toBe('close')
    expect(onWindowClose({ quitting: false, closesToTray: false })).toBe('close')
  })

  it('a crashed page is reloaded, until it crashes again and again: then the error page; a clean exit is nothing', () => {
    const guard = new CrashGuard(createFakeClock())
    expect(onRendererGone('clean-exit', guard)).toBe('ignore')
    const outcomes = Array.from({ length: CRASH_LOOP_COUNT }, () => onRendererGone('crashed', guard))
    expect(outcomes).toEqual([...Array<string>(CRASH_LOOP_COUNT - 1).fill('reload'), 'error-page'])
  })

  it('the last window closed quits on Windows and Linux, not on macOS', () => {
    expect([quitsWhenLastWindowCloses('win32'), quitsWhenLastWindowCloses('linux'), quitsWhenLastWindowCloses('darwin')]).toEqual([true, true, false])
  })

  it('quitting waits for what is being written, but never longer than QUIT_WAIT_MS', async () => {
    const clock = createFakeClock()
    let hung = true
    const waited = settleWithin([new Promise(() => undefined)], QUIT_WAIT_MS, clock).then(() => (hung = false))
    await clock.advance(QUIT_WAIT_MS - 1)
    expect(hung).toBe(true)
    await clock.advance(1)
    await waited
    expect(hung).toBe(false)
    // Work that ends sooner ends the wait sooner, and leaves no timer behind.
    await settleWithin([Promise.resolve()], QUIT_WAIT_MS, clock)
    expect(clock.pending()).toEqual([])
  })
})

describe('the menus’ own actions', () => {
  const effectsLog = () => {
    const done: string[] = []
    const effects: MenuActionEffects = {
      exportDiagnostics: () => Promise.reject(new Error('The disk is full.')),
      showError: (title, message) => done.push(`error ${title}: ${message}`),
      openLogsFolder: () => done.push('logs'),
      showInWindow: (command) => done.push(`window ${command}`),
      quit: () => done.push('quit')
    }
    return { done, effects }
  }

  it('each action does its one thing; a failed export is said in a dialog', async () => {
    const { done, effects } = effectsLog()
    for (const action of ['openLogsFolder', 'showAbout', 'openSettings', 'quit', 'exportDiagnostics'] as MainAction[]) runMenuAction(action, effects)
    await new Promise((r) => setImmediate(r))
    expect(done).toEqual(['logs', 'window showAbout', 'window openSettings', 'quit', 'error Export diagnostics: The disk is full.'])
  })
})

describe('updates: where the policy file is, and the feed built in', () => {
  it('looks beside the AppImage file (not its temporary mount), beside the .exe, and outside the .app', () => {
    expect(policyFilesOfApp('linux', { execPath: '/tmp/.mount_omniXYZ/omnivms-desktop', env: { APPIMAGE: '/home/ana/Apps/OmniValVMS.AppImage' } })).toEqual(['/etc/omnivms/omnivms-policy.json', '/home/ana/Apps/omnivms-policy.json'])
    expect(policyFilesOfApp('win32', { execPath: 'C:\\Program Files\\OmniValVMS Desktop\\OmniValVMS Desktop.exe', env: { ProgramData: 'D:\\ProgramData' } })).toEqual([
      'D:\\ProgramData\\OmniValVMS\\omnivms-policy.json',
      'C:\\Program Files\\OmniValVMS Desktop\\omnivms-policy.json'
    ])
    expect(policyFilesOfApp('darwin', { execPath: '/Applications/OmniValVMS Desktop.app/Contents/MacOS/OmniValVMS Desktop', env: {} })).toEqual([
      '/Library/Application Support/OmniValVMS/omnivms-policy.json',
      '/Applications/omnivms-policy.json'
    ])
  })

  it('reads the built-in feed from the packaged package.json, and nothing from a missing or odd one', () => {
    expect(builtInFeedOf(JSON.stringify({ name: 'omnivms-desktop', omnivmsUpdateFeedUrl: 'https://updates.example.com/omnivms' }))).toBe('https://updates.example.com/omnivms')
    expect([builtInFeedOf(null), builtInFeedOf('{"omnivmsUpdateFeedUrl": 5}'), builtInFeedOf('{ not json'), builtInFeedOf('null')]).toEqual([null, null, null, null])
  })
})

describe('settings and their effects', () => {
  const store = () => ({ ...createMemoryStore(), takeRecoveredFromCorruption: () => false, problem: () => null })

  it('a change of channel restarts update checks, "open at login" is told to the OS (now too), a pause updates the tray', () => {
    const settings = new SettingsService(store())
    const done: string[] = []
    const stop = applySettingsEffects(settings, { restartUpdates: () => done.push('updates'), setOpenAtLogin: (open) => done.push(`login ${open}`), showCounts: () => done.push('counts') })
    settings.update({ updates: { channel: 'beta' } })
    settings.update({ window: { openAtLogin: true } })
    settings.update({ notifications: { pausedUntil: '2026-12-07T12:00:00.000Z' } })
    settings.update({ sync: { intervalSeconds: 120 } })
    stop()
    settings.update({ updates: { channel: 'stable' } })
    expect(done).toEqual(['login false', 'updates', 'login true', 'counts'])
  })

  it('the upload limit is the setting in bytes', () => {
    const settings = new SettingsService(store())
    expect(uploadLimitBytes(settings.get())).toBe(15 * 1024 * 1024)
  })
})

describe('where secrets go', () => {
  it('a saved sign-in opens only with the keychain backend that sealed it', () => {
    expect(savedSessionOpens({ savedWith: 'gnome_libsecret', backend: 'gnome_libsecret', level: 'encrypted' })).toBe(true)
    expect(savedSessionOpens({ savedWith: 'gnome_libsecret', backend: 'kwallet5', level: 'encrypted' })).toBe(false)
    expect(savedSessionOpens({ savedWith: 'unavailable', backend: 'unavailable', level: 'unavailable' })).toBe(false)
  })
})
