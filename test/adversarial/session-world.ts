/**
 * The world the session suites attack: two real sandboxes (the local one and "staging"), the app's
 * real core on one profile and keychain (restartable), and everything the app shows, stores, sends
 * and notifies, each held against the session the appraiser is in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HttpFetch } from '../../src/main/core/ports'
import { sessionKeyId } from '../../src/main/core/primitives/session-key'
import { EncryptedFiles } from '../../src/main/core/storage/encrypted-files'
import { consoleLogger } from '../../src/main/core/logger'
import { decodeInboxChanges, type InboxChangesWire } from '../../src/shared/ipc/order-list-wire'
import type { OrderAction, OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS, actionLabel, isAppliedRecord } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createFakeClock } from '../support/fake-clock'
import { createKeychainCipher } from '../support/keychain-cipher'
import { sessionFolders } from '../support/profile-files'
import { createRecordingNotifier } from '../support/recording-desktop'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { internalErrorsIn, type AdversarialStats } from './stats'

export type Account = 'A' | 'B'
export type Env = 1 | 2
export interface SessionId {
  account: Account
  env: Env
}
export const ACCOUNTS = { A: DEMO_ACCOUNTS.vendor, B: DEMO_ACCOUNTS.otherVendor } as const
export const USER_IDS = { A: 'usr-vendor-1', B: 'usr-vendor-2' } as const
export const STAGING = 'https://staging.omnivms.test'
export const sessionName = (s: SessionId) => `${s.account}${s.env}`
export const same = (a: SessionId | null, b: SessionId | null) => a !== null && b !== null && a.account === b.account && a.env === b.env

/** A field action the appraiser queued, and what became of it. */
export interface Intent {
  session: SessionId
  ref: OrderRef
  street: string
  orderNumber: string
  action: OrderAction
  pendingId: string
  queuedAt: number
  state: 'queued' | 'cancelled' | 'replaced'
}

/** The model: what the appraiser believes. */
export interface Model {
  session: SessionId | null
  online: boolean
}

/** The real system: two platforms, the app's core (restartable on the same profile and keychain), and what was seen. */
export class World {
  online = true
  /** The session the appraiser is in: every request, window event and file is held against it. */
  current: SessionId | null = null
  intents: Intent[] = []
  leaks: string[] = []
  notices: { session: SessionId | null; text: string }[] = []
  readonly notifier = createRecordingNotifier()
  readonly clock = createFakeClock(Date.now())
  readonly keychain = createKeychainCipher()
  readonly profile = tempProfile()
  /** Orders each account may queue for, by environment (created alike in both). */
  readonly scheduled: Record<Account, OrderRef[]> = { A: [], B: [] }
  logs: string[] = []
  app!: TestCore
  /**
   * When set, every platform request the app sends waits on it to be sent and answered (the
   * interleaving suite lets fast-check's scheduler decide the order answers arrive in).
   */
  gate: ((send: () => Promise<Response>, label: string) => Promise<Response>) | null = null
  /** Requests and window events are held against the current session (off while changes overlap: the suite checks after). */
  checking = true
  private constructor(
    readonly one: RunningSandbox,
    readonly two: RunningSandbox,
    private readonly stats: AdversarialStats
  ) {}

  static async create(stats: AdversarialStats): Promise<World> {
    const [one, two] = await Promise.all([startSandboxServer({ accessTokenTtlMs: 3_600_000 }), startSandboxServer({ accessTokenTtlMs: 3_600_000 })])
    const world = new World(one, two, stats)
    for (const account of ['A', 'B'] as const) {
      for (let i = 0; i < 2; i++) {
        for (const sandbox of [one, two]) {
          const order = sandbox.sandbox.orders.assign({ vendorEmail: ACCOUNTS[account].email, street: `${100 + i} ${account} Queue Rd` })
          order.status = ORDER_STATUS.InspectionScheduled
          order.respondBy = null
          order.inspection = { scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), completedAt: null }
          if (sandbox === one) world.scheduled[account].push({ clientId: order.clientId, loanId: order.loanId, orderId: order.id })
        }
      }
    }
    world.startCore()
    return world
  }

  sandboxOf(env: Env): RunningSandbox {
    return env === 1 ? this.one : this.two
  }

  startCore(): void {
    this.app = startTestCore({ sandboxUrl: this.one.url, profileDir: this.profile.dir, cipher: this.keychain, clock: this.clock, notifier: this.notifier, fetch: this.fetch })
    this.logs = this.app.logs
    this.app.core.subscribe((channel, payload) => this.heard(channel, payload))
  }

  /** The offline copies as they were at the last restart, to put back when their later writes are lost. */
  private copies = new Map<string, Buffer>()

  /**
   * Quit and start again on the same profile. `copyWritesLost`: the disk refused the offline copy's
   * writes since the last start (full, or failing) — the copy on disk is the older one, while what
   * was notified meanwhile is remembered.
   */
  async restart(copyWritesLost: boolean): Promise<void> {
    this.stats.crashes += internalErrorsIn(this.logs)
    await this.app.core.dispose()
    for (const folder of sessionFolders(this.profile.dir)) {
      const file = join(folder, 'inbox.json')
      const older = this.copies.get(file)
      if (copyWritesLost && older) writeFileSync(file, older)
      else if (existsSync(file)) this.copies.set(file, readFileSync(file))
    }
    this.startCore()
    await this.app.core.ready
  }

  async close(): Promise<void> {
    this.stats.crashes += internalErrorsIn(this.logs)
    await this.app.core.dispose()
    await Promise.all([this.one.close(), this.two.close()])
    this.profile.remove()
  }

  /** How the app's requests leave it: held against the current session, then sent (or refused, offline). */
  /** Every platform request the app sent, in order. */
  readonly sent: { env: Env; path: string }[] = []
  /** Whom the window was last told is signed in ('' when signed out). */
  shown = ''

  private readonly fetch: HttpFetch = (input, init) => {
    const env: Env = input.startsWith(STAGING) ? 2 : 1
    const path = new URL(input).pathname
    if (this.checking) this.checkRequest(env, path)
    this.sent.push({ env, path })
    if (!this.online) return Promise.reject(new TypeError('fetch failed'))
    const send = () => fetch(env === 2 ? `${this.two.url}${input.slice(STAGING.length)}` : input, init)
    return this.gate ? this.gate(send, `${init?.method ?? 'GET'} ${env === 2 ? 'staging' : 'sandbox'} ${path}`) : send()
  }



  leak(what: string): void {
    this.leaks.push(what)
  }

  /** (a) A request goes to the current session's environment, about its account's clients and orders only. */
  private checkRequest(env: Env, path: string): void {
    if (path.startsWith('/api/auth/')) return
    const s = this.current
    if (!s) return this.leak(`request with no session: ${path}`)
    if (s.env !== env) return this.leak(`session ${sessionName(s)} sent to environment ${env}: ${path}`)
    const client = /^\/api\/clients\/([^/]+)/.exec(path)?.[1]
    const user = this.sandboxOf(env).sandbox.data.users.find((u) => u.id === USER_IDS[s.account])
    if (client && !user?.clientIds.includes(client)) this.leak(`session ${sessionName(s)} asked for client ${client}`)
    const orderId = /\/orders\/([^/]+)/.exec(path)?.[1]
    if (orderId && !this.belongs(orderId, s)) this.leak(`session ${sessionName(s)} asked for order ${orderId}`)
  }

  /** An order is the session's when it exists on its environment and is its account's. */
  belongs(orderId: string, s: SessionId): boolean {
    const order = this.sandboxOf(s.env).sandbox.data.orders.find((o) => o.id === orderId)
    return order?.vendorId === USER_IDS[s.account]
  }

  /** (a) What reaches the window is the current session's. */
  private heard(channel: string, payload: unknown): void {
    const s = this.current
    if (channel.endsWith('appNotice')) this.notices.push({ session: s, text: String(payload) })
    if (channel.endsWith('sessionChanged')) {
      const state = payload as { status: string; user?: { id: string }; environment?: { url: string } }
      this.shown = state.status === 'signedIn' && state.user && state.environment ? `${state.user.id}@${state.environment.url}` : ''
    }
    if (!this.checking) return
    if (channel.endsWith('inboxChanged')) {
      const changes = decodeInboxChanges(payload as InboxChangesWire)
      for (const order of [...changes.added, ...changes.changed]) if (!s || !this.belongs(order.orderId, s)) this.leak(`window got order ${order.orderId} in session ${s ? sessionName(s) : 'none'}`)
    }
    if (channel.endsWith('openOrder')) {
      const ref = payload as OrderRef
      if (!s || !this.belongs(ref.orderId, s)) this.leak(`window opened order ${ref.orderId} in session ${s ? sessionName(s) : 'none'}`)
    }
  }

  /** (a) Each session's folder holds only that session's orders. */
  async checkStoredCopies(): Promise<void> {
    const folders = new Set(sessionFolders(this.profile.dir))
    for (const account of ['A', 'B'] as const) {
      for (const env of [1, 2] as const) {
        const origin = env === 1 ? new URL(this.one.url).origin : STAGING
        const folder = join(this.profile.dir, 'sessions', sessionKeyId({ origin, userId: USER_IDS[account] }))
        folders.delete(folder)
        const files = new EncryptedFiles(folder, this.keychain, consoleLogger)
        const saved = (await files.read('inbox.json')) as { inbox?: { orders?: { orderId: string }[] } } | null
        for (const order of saved?.inbox?.orders ?? []) if (!this.belongs(order.orderId, { account, env })) this.leak(`stored copy of ${account}${env} holds ${order.orderId}`)
      }
    }
    for (const stray of folders) this.leak(`a session folder no session owns: ${stray}`)
  }

  /** (c) No notification was shown twice: its id names the events it tells. */
  repeatedNotifications(): number {
    const ids = this.notifier.shown.map((n) => n.id)
    return ids.length - new Set(ids).size
  }

  /** (b) What became of an intent: applied (how often, on its own environment only), or reported. */
  outcome(intent: Intent): { applied: number; elsewhere: number; reported: boolean } {
    const count = (sandbox: RunningSandbox) =>
      sandbox.sandbox.data.history.filter(
        (h) => h.orderId === intent.ref.orderId && Date.parse(h.at) >= intent.queuedAt - 1_000 && isAppliedRecord(intent.action, { status: h.status, actorRole: h.actor.role, changes: h.changes ?? null })
      ).length
    const told = `“${actionLabel(intent.action.type)}” for ${intent.street} (${intent.orderNumber})`
    return {
      applied: count(this.sandboxOf(intent.session.env)),
      elsewhere: count(this.sandboxOf(intent.session.env === 1 ? 2 : 1)),
      reported: this.notices.some((n) => n.text.includes(told))
    }
  }
}


export const signInput = (s: SessionId) => ({
  environment: s.env === 1 ? { kind: 'sandbox' as const } : { kind: 'custom' as const, url: STAGING },
  email: ACCOUNTS[s.account].email,
  password: ACCOUNTS[s.account].password,
  keepSignedIn: true
})

/** What the window shows now, when someone is signed in. */
export async function shownOrders(world: World): Promise<{ orderId: string; clientId: string }[] | null> {
  if (!world.current) return null
  const shown = await world.app.call('listOrders', { cached: true })
  return shown.ok ? shown.value.orders : null
}

/** What a window that opened now would show first, when someone is signed in. */
export async function firstScreenOrders(world: World): Promise<{ orderId: string }[] | null> {
  if (!world.current) return null
  const shown = await world.app.call('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 20 })
  return shown.ok ? shown.value.orders : null
}

/**
 * After the run: back online, each session with actions still queued is signed in again and given
 * time; then every intent must have ended applied once or reported (never both, never neither).
 */
export async function settle(world: World, stats: AdversarialStats): Promise<void> {
  world.online = true
  const waiting = () => world.intents.filter((i) => i.state === 'queued' && world.outcome(i).applied === 0 && !world.outcome(i).reported)
  for (let round = 0; round < 4 && waiting().length > 0; round++) {
    const next = (waiting()[0] as Intent).session
    // The platform may have ended the session meanwhile: whom the window shows is who is signed in.
    if ((await world.app.ok('getSessionState')).status !== 'signedIn') world.current = null
    if (!same(world.current, next)) {
      if (world.current) {
        world.current = null
        await world.app.ok('signOut')
      }
      world.current = next
      await world.app.ok('signIn', signInput(next))
    }
    await world.app.ok('networkRestored')
    for (let tick = 0; tick < 12 && waiting().some((i) => same(i.session, next)); tick++) {
      await world.clock.advance(60_000)
      // The sync, and the sending of what it found queued, both ended.
      await world.app.core.syncNow()
    }
  }
  for (const intent of world.intents.filter((i) => i.state === 'queued')) {
    const { applied, reported } = world.outcome(intent)
    if (applied > 1) stats.duplicateWrites += applied - 1
    if ((applied >= 1 && !reported) || (applied === 0 && reported)) continue
    stats.lostActions++
    throw new Error(`${sessionName(intent.session)} ${intent.action.type} on ${intent.ref.orderId}: applied ${applied}×, reported ${reported}`)
  }
}

