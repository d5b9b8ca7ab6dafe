import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SYNC_INTERVAL_SECONDS } from '../../src/shared/ipc/app-schemas'
import type { HttpFetch } from '../../src/main/core/ports'
import { createSystemFetch } from '../../src/main/core/net/system-fetch'
import { createLogger } from '../../src/main/core/logger'
import { samplePdf } from '../../src/sandbox/sample-files'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { refOf, scheduledOrder, signInInput, type ScheduledOrder } from '../support/builders'
import { createKeychainCipher } from '../support/keychain-cipher'
import { sessionFolders } from '../support/profile-files'
import { startTestCore, type TestCore } from '../support/test-core'

/**
 * Every file the app keeps, damaged while it was closed — cut short, overwritten with noise,
 * emptied, or sealed with another key (another computer's keychain, another session's data key) —
 * and the app started on it, offline: it starts, says in plain words what it could not read, and
 * keeps everything else (the session, settings, the offline copy, the queued action, the draft).
 */
const DRAFT_KEY = 'ord-kept:decline'
const INTERVAL = 180
let sandbox: RunningSandbox
let order: ScheduledOrder
/** Two profiles made the same way, under different keychain keys: one to damage, one to take other keys' files from. */
const made: { dir: string; key: Buffer }[] = []
function profiles(): [mine: { dir: string; key: Buffer }, other: { dir: string; key: Buffer }] {
  const [mine, other] = made
  if (!mine || !other) throw new Error('the profiles were not made')
  return [mine, other]
}
const cleanup: string[] = []

const directFetch = (): HttpFetch => createSystemFetch({ resolveProxy: async () => 'DIRECT', logger: createLogger(() => undefined) })
const offlineFetch: HttpFetch = () => Promise.reject(new TypeError('fetch failed'))

async function makeProfile(): Promise<{ dir: string; key: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'omnivms-corrupt-'))
  cleanup.push(dir)
  const key = createKeychainCipher().key
  let online = true
  const direct = directFetch()
  const app = startTestCore({ sandboxUrl: sandbox.url, profileDir: dir, cipher: createKeychainCipher({ key }), fetch: (input, init) => (online ? direct(input, init) : offlineFetch(input, init)) })
  await app.ok('signIn', signInInput)
  await app.ok('updateSettings', { sync: { intervalSeconds: INTERVAL } })
  await app.ok('listOrders')
  // An order the appraiser changed is remembered in its new state, never notified: notification memory is written.
  const other = await scheduledOrder([sandbox])
  await app.ok('performOrderAction', { ref: refOf(other), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
  // A report sent from this app: where its file is, is kept for the workfile.
  const report = join(dir, '..', `${randomBytes(6).toString('hex')}-report.pdf`)
  writeFileSync(report, samplePdf('Report kept through a damaged file'))
  cleanup.push(report)
  app.dialogs.answerOpen([report])
  const picked = await app.ok('pickReportFiles')
  await app.ok('uploadReport', { ref: refOf(other), uploadId: `up-${randomBytes(6).toString('hex')}`, fileIds: picked.map((f) => f.fileId) })
  await app.ok('getOrder', refOf(order))
  await vi.waitFor(() => expect(existsSync(pathIn(dir, 'sessions/*/notified.json'))).toBe(true))
  await app.ok('saveDraft', { key: DRAFT_KEY, value: { reason: 'Kept through a damaged file' } })
  online = false
  const queued = await app.ok('performOrderAction', { ref: refOf(order), action: { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() } })
  expect(queued.queued).toBe(true)
  await app.core.dispose()
  return { dir, key }
}

/** The file of each kind the app keeps, by its path in the profile; what a damaged one must be reported as. */
const FILES = [
  { what: 'the saved sign-in', file: 'session.json', says: /saved sign-in/ },
  { what: 'settings', file: 'config.json', says: /settings file was damaged and could not be read, so settings are back to their defaults/ },
  { what: 'the session’s data key', file: 'sessions/*/data-key.json', says: /could not be read.*the key to this account’s saved data/ },
  { what: 'the queue', file: 'sessions/*/pending.json', says: /could not be read.*actions waiting to be sent/ },
  { what: 'drafts', file: 'sessions/*/drafts.json', says: /could not be read.*your unsent drafts/ },
  { what: 'the offline copy of an order', file: 'sessions/*/orders.json', says: /could not be read.*saved copy of your orders/ },
  { what: 'the offline inbox', file: 'sessions/*/inbox.json', says: /could not be read.*saved copy of your orders/ },
  { what: 'notification memory', file: 'sessions/*/notified.json', says: /could not be read.*already told about/ },
  { what: 'where submitted reports are', file: 'sessions/*/submitted-files.json', says: /could not be read.*where the report files you submitted are/ }
] as const

/** What makes the app read a file it reads only on demand. */
const readOnDemand = async (app: TestCore, dir: string, file: string) => {
  if (!file.endsWith('submitted-files.json')) return
  app.dialogs.answerSave(join(dir, 'Workfile'))
  // Offline the workfile cannot be finished; where the reports are (one file for every order) is read first.
  await app.call('saveWorkfile', { ref: refOf(order), saveId: `save-${randomBytes(6).toString('hex')}` })
}

type Damage = 'cut short' | 'noise' | 'emptied' | 'sealed with another key'
const DAMAGES: readonly Damage[] = ['cut short', 'noise', 'emptied', 'sealed with another key']

function pathIn(dir: string, file: string): string {
  const folder = sessionFolders(dir)[0]
  return file.startsWith('sessions/*/') ? join(folder ?? join(dir, 'no-session'), file.slice('sessions/*/'.length)) : join(dir, file)
}

function damage(target: string, how: Damage, other: string): void {
  const bytes = readFileSync(target)
  if (how === 'cut short') writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length / 2)))
  else if (how === 'noise') writeFileSync(target, randomBytes(bytes.length))
  else if (how === 'emptied') writeFileSync(target, '')
  else writeFileSync(target, readFileSync(other))
}

beforeAll(async () => {
  sandbox = await startSandboxServer({ accessTokenTtlMs: 3_600_000 })
  order = await scheduledOrder([sandbox])
  made.push(await makeProfile(), await makeProfile())
}, 60_000)
afterAll(async () => {
  await sandbox.close()
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
})

describe('every file the app keeps, damaged', () => {
  it('is there to damage: each kind of file exists in a profile that worked', () => {
    const [mine, other] = profiles()
    for (const { file } of FILES) {
      expect(existsSync(pathIn(mine.dir, file)), file).toBe(true)
      expect(existsSync(pathIn(other.dir, file)), file).toBe(true)
    }
    // The two profiles' session folders have the same name (same account and environment): other keys, same place.
    expect(relative(mine.dir, pathIn(mine.dir, 'sessions/*/x'))).toBe(relative(other.dir, pathIn(other.dir, 'sessions/*/x')))
  })

  for (const { what, file, says } of FILES) {
    for (const how of DAMAGES) {
      // Settings are not sealed (they hold nothing personal): another key has nothing to change there.
      if (file === 'config.json' && how === 'sealed with another key') continue
      it(`${what} (${file}) ${how}: the app starts, says what it could not read, keeps the rest`, async () => {
        const [mine, other] = profiles()
        const dir = mkdtempSync(join(tmpdir(), 'omnivms-damaged-'))
        cleanup.push(dir)
        cpSync(mine.dir, dir, { recursive: true })
        damage(pathIn(dir, file), how, pathIn(other.dir, file))

        const app: TestCore = startTestCore({ sandboxUrl: sandbox.url, profileDir: dir, cipher: createKeychainCipher({ key: mine.key }), fetch: offlineFetch })
        try {
          const state = await app.ok('getSessionState')
          const heard = async () => [await app.ok('takeWindowNotice'), state.status === 'signedOut' ? state.message : state.notice, ...app.events.filter((e) => e.channel.endsWith('appNotice')).map((e) => String(e.payload))].filter((text) => text !== null)
          if (file === 'session.json') {
            expect(state).toMatchObject({ status: 'signedOut' })
            expect((await heard()).join('\n')).toMatch(says)
            // Signed out, nothing else was lost: settings stay.
            expect((await app.ok('getSettings')).sync.intervalSeconds).toBe(INTERVAL)
            return
          }
          expect(state.status, 'still signed in').toBe('signedIn')
          // What the app reads at start and on first use: the inbox, the order, the draft, the settings.
          const inbox = await app.call('listOrders')
          const detail = await app.call('getOrder', refOf(order))
          const draft = await app.ok('getDraft', { key: DRAFT_KEY })
          const settings = await app.ok('getSettings')
          await readOnDemand(app, dir, file)
          let notices: string[] = []
          await vi.waitFor(async () => expect((notices = [...notices, ...(await heard())]).join('\n')).toMatch(says))

          const lost = (kind: string) => (file.endsWith(kind) || file.endsWith('data-key.json'))
          expect(settings.sync.intervalSeconds, 'settings').toBe(file === 'config.json' ? SYNC_INTERVAL_SECONDS.default : INTERVAL)
          expect(draft?.reason ?? null, 'the draft').toBe(lost('drafts.json') ? null : 'Kept through a damaged file')
          const offlineCopyLost = lost('inbox.json') || lost('orders.json')
          // Without its offline copy, an offline inbox says it can't reach the platform (as on a first run offline).
          expect(inbox.ok ? inbox.value.orders.some((o) => o.orderId === order.orderId) : inbox.error.code, 'the offline inbox').toBe(lost('inbox.json') ? 'offline' : true)
          if (!offlineCopyLost) {
            expect(detail.ok && detail.value.pendingActions.length, 'the queued action, on the offline copy').toBe(lost('pending.json') ? 0 : 1)
          }
          if (!lost('pending.json') && !offlineCopyLost) expect(notices.join('\n')).not.toMatch(/actions waiting to be sent/)
        } finally {
          await app.core.dispose()
        }
      })
    }
  }
})
