import { describe, expect, it } from 'vitest'
import { readDevOverrides } from '../../src/main/core/dev-overrides'
import { buildDiagnosticsReport } from '../../src/main/core/diagnostics/diagnostics-report'
import { scrub } from '../../src/main/core/privacy/scrubber'
import { applicationMenu, type MenuItemSpec } from '../../src/main/core/menu/app-menu'
import { contextMenuItems } from '../../src/main/core/menu/context-menu'
import { parsePacResult } from '../../src/main/core/net/system-fetch'
import { CrashGuard } from '../../src/main/core/window/crash-guard'
import { restoreWindowState } from '../../src/main/core/window/window-state'
import { STATUS_GROUPS } from '../../src/shared/order-workflow'
import { createFakeClock } from '../support/fake-clock'

const flatten = (items: readonly MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => (i.kind === 'submenu' ? [i, ...flatten(i.items)] : [i]))
const roles = (items: readonly MenuItemSpec[]) => flatten(items).flatMap((i) => (i.kind === 'role' ? [i.role] : []))

describe('development variables', () => {
  it('are ignored by an installed app', () => {
    expect(readDevOverrides({ OMNIVMS_MAX_UPLOAD_MB: 'lots', OMNIVMS_SANDBOX_URL: 'http://127.0.0.1:4580' }, true)).toEqual({
      ok: true,
      value: { userDataDir: null, sandboxUrl: null, maxUploadBytes: null }
    })
  })

  it('are validated, naming the variable at fault', () => {
    expect(readDevOverrides({ OMNIVMS_MAX_UPLOAD_MB: '40', OMNIVMS_SANDBOX_URL: 'http://127.0.0.1:4580/', OMNIVMS_USER_DATA_DIR: '/tmp/p' }, false)).toEqual({
      ok: true,
      value: { userDataDir: '/tmp/p', sandboxUrl: 'http://127.0.0.1:4580', maxUploadBytes: 40 * 1024 * 1024 }
    })
    expect(readDevOverrides({ OMNIVMS_MAX_UPLOAD_MB: 'NaN' }, false)).toEqual({ ok: false, message: 'OMNIVMS_MAX_UPLOAD_MB="NaN" must be a number of megabytes, like 40.' })
    expect(readDevOverrides({ OMNIVMS_MAX_UPLOAD_MB: '0' }, false)).toMatchObject({ ok: false, message: expect.stringContaining('between 0 and 4096') })
    expect(readDevOverrides({ OMNIVMS_SANDBOX_URL: 'https://api.omnivms.com' }, false)).toMatchObject({ ok: false, message: expect.stringContaining('OMNIVMS_SANDBOX_URL') })
    expect(readDevOverrides({ OMNIVMS_USER_DATA_DIR: 'relative/dir' }, false)).toMatchObject({ ok: false, message: expect.stringContaining('absolute') })
  })
})

describe('application menu', () => {
  it('has File (Print order sheet…), Edit, View, Go, Window and Help, with each OS convention', () => {
    const mac = applicationMenu({ platform: 'darwin', isPackaged: true, productName: 'OmniValVMS Desktop' })
    expect(mac.map((m) => (m.kind === 'submenu' ? m.label : m.kind))).toEqual(['OmniValVMS Desktop', 'File', 'Edit', 'View', 'Go', 'Window', 'Help'])
    const win = applicationMenu({ platform: 'win32', isPackaged: true, productName: 'OmniValVMS Desktop' })
    expect(win.map((m) => (m.kind === 'submenu' ? m.label : m.kind))).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help'])
    for (const menu of [mac, win]) {
      expect(roles(menu)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize']))
      const help = flatten(menu).filter((i) => i.kind === 'action').map((i) => (i.kind === 'action' ? i.action : ''))
      expect(help).toEqual(expect.arrayContaining(['openLogsFolder', 'exportDiagnostics', 'showAbout', 'openSettings']))
    }
  })

  it('goes to Today with Ctrl/Cmd+0, to each queue with Ctrl/Cmd+1…7, searches with Ctrl/Cmd+F and refreshes data (not the page) with Ctrl/Cmd+R', () => {
    const commands = flatten(applicationMenu({ platform: 'linux', isPackaged: true, productName: 'X' })).filter((i) => i.kind === 'command')
    expect(commands.map((c) => (c.kind === 'command' ? [c.accelerator, c.command] : null))).toEqual([
      ['CmdOrCtrl+P', { command: 'printOrderSheet' }],
      ['CmdOrCtrl+0', { command: 'showToday' }],
      ...STATUS_GROUPS.map((g, i) => [`CmdOrCtrl+${i + 1}`, { command: 'showQueue', queue: g.id }]),
      ['CmdOrCtrl+F', { command: 'focusSearch' }],
      ['CmdOrCtrl+R', { command: 'refresh' }]
    ])
  })

  it('offers Reload and DevTools only in development, and never the page reload on Ctrl/Cmd+R', () => {
    expect(roles(applicationMenu({ platform: 'linux', isPackaged: true, productName: 'X' }))).not.toEqual(expect.arrayContaining(['reload']))
    for (const packaged of [true, false]) {
      const r = roles(applicationMenu({ platform: 'linux', isPackaged: packaged, productName: 'X' }))
      expect(r.includes('reload')).toBe(false)
      expect(r.includes('toggleDevTools')).toBe(!packaged)
      expect(r.includes('forceReload')).toBe(!packaged)
    }
  })
})

describe('context menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true }
  it('offers spelling suggestions and "Add to dictionary" on a misspelt word, then the edit actions', () => {
    const items = contextMenuItems({ isEditable: true, selectionText: '', misspelledWord: 'apprasal', dictionarySuggestions: ['appraisal', 'appraisals'], editFlags: flags })
    expect(items.map((i) => ('label' in i && i.label ? i.label : i.kind === 'role' ? i.role : i.kind))).toEqual([
      'appraisal',
      'appraisals',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll'
    ])
  })

  it('offers copy on selected text, and nothing on an empty spot', () => {
    expect(contextMenuItems({ isEditable: false, selectionText: '12 Oak St', misspelledWord: '', dictionarySuggestions: [], editFlags: flags }).map((i) => (i.kind === 'role' ? i.role : i.kind))).toEqual([
      'copy',
      'separator',
      'selectAll'
    ])
    expect(contextMenuItems({ isEditable: false, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: flags })).toEqual([])
  })
})

describe('window placement', () => {
  const defaults = { width: 1360, height: 880, minWidth: 960, minHeight: 600 }
  const laptop = { x: 0, y: 0, width: 1440, height: 900 }
  const monitor = { x: 1440, y: 0, width: 2560, height: 1440 }
  it('returns where the window was, maximised or not', () => {
    expect(restoreWindowState({ bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: true }, [laptop, monitor], defaults)).toEqual({
      bounds: { x: 1600, y: 100, width: 1500, height: 1000 },
      maximized: true
    })
  })
  it('does not restore onto a display that no longer exists', () => {
    expect(restoreWindowState({ bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false }, [laptop], defaults)).toEqual({
      bounds: { width: 1360, height: 880 },
      maximized: false
    })
  })
  it('opens at the default size the first time', () => {
    expect(restoreWindowState(null, [laptop], defaults)).toEqual({ bounds: { width: 1360, height: 880 }, maximized: false })
  })
})

describe('crash guard', () => {
  it('reloads twice, and gives up at the third crash within a minute; later crashes start afresh', async () => {
    const clock = createFakeClock()
    const guard = new CrashGuard(clock)
    expect(guard.onCrash()).toBe('reload')
    await clock.advance(20_000)
    expect(guard.onCrash()).toBe('reload')
    await clock.advance(20_000)
    expect(guard.onCrash()).toBe('give-up')
    await clock.advance(120_000)
    expect(guard.onCrash()).toBe('reload')
  })
})

describe('proxy answers', () => {
  it('takes the first usable PAC entry', () => {
    expect(parsePacResult('DIRECT')).toEqual({ kind: 'direct' })
    expect(parsePacResult('PROXY proxy.corp:8080; DIRECT')).toEqual({ kind: 'http', uri: 'http://proxy.corp:8080' })
    expect(parsePacResult('HTTPS secure.corp:443')).toEqual({ kind: 'http', uri: 'https://secure.corp:443' })
    expect(parsePacResult('SOCKS5 socks.corp:1080')).toEqual({ kind: 'socks', uri: 'socks5://socks.corp:1080' })
    expect(parsePacResult('')).toEqual({ kind: 'direct' })
  })
})

describe('diagnostics text', () => {
  it('masks e-mail addresses in any encoding, phone numbers, codes and tokens, and keeps order and loan numbers', () => {
    const text = scrub('me jordan@example.com, borrower avery.chen@example.com (555) 234-5678 +1 608 555 0199 Bearer at_abcdefghijkl OV-2026-10061 4100000000')
    expect(text).toBe('me [e-mail], borrower [e-mail] [phone] [phone] Bearer [redacted] OV-2026-10061 4100000000')
    const link = scrub('omnivms://reset-password?email=demo.appraiser%40sandbox.omnivms.test&code=482913')
    expect(link).not.toMatch(/482913|demo\.appraiser|%40/)
    for (const encoded of ['a.b%2540example.com', 'a.b&#64;example.com', 'a.b&#x40;example.com', 'a.b\\u0040example.com', 'a.b%40example%2ecom']) expect(scrub(`x ${encoded} y`), encoded).toBe('x [e-mail] y')
    expect(scrub('Your password reset code is 482913.')).not.toContain('482913')
    expect(scrub('{"code":"482913","resetCode":"99"}')).not.toMatch(/482913|"99"/)
    expect(scrub('call %28555%29%20234-5678 now')).toBe('call [phone] now')
    expect(scrub(scrub('a@b.co (555) 234-5678'))).toBe('[e-mail] [phone]')
  })

  it('lists versions, session, requests and log lines', () => {
    const report = buildDiagnosticsReport({
      generatedAt: '2026-11-28T10:00:00.000Z',
      app: { name: 'OmniValVMS Desktop', version: '0.1.0', electron: '45.5.0', chrome: '142.0', node: '22.20.0', os: 'Linux 6.1 x64' },
      session: { status: 'signedIn', environment: 'Local sandbox (sandbox)', persistence: 'encrypted', connectivity: 'online' },
      storage: { backend: 'gnome_libsecret', level: 'encrypted' },
      updates: { state: 'idle', version: null, message: null, lastCheckedAt: null, feed: null },
      role: 'Vendor',
      logLines: ['2026-11-28T09:59:00.000Z INFO signed in'],
      requests: [{ at: '2026-11-28T09:59:00.000Z', method: 'GET', path: '/api/me', outcome: '200', durationMs: 12, correlationId: 'c-1' }]
    })
    expect(report).toContain('Electron: 45.5.0')
    expect(report).toContain('Storage backend: gnome_libsecret (encrypted)')
    expect(report).toContain('GET /api/me 200 12 ms c-1')
    expect(report).toContain('INFO signed in')
  })
})
