import fc from 'fast-check'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { HttpFetch } from '../../src/main/core/ports'
import { sessionKeyId } from '../../src/main/core/session/session-scope'
import { EncryptedFiles } from '../../src/main/core/storage/encrypted-files'
import { consoleLogger } from '../../src/main/core/logger'
import { decodeInboxChanges, type InboxChangesWire } from '../../src/shared/ipc/order-list-wire'
import type { OrderAction, OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS } from '../../src/shared/order-workflow'
import { actionLabel, isAppliedRecord } from '../../src/shared/order-workflow'
import { DEMO_ACCOUNTS } from '../../src/sandbox/seed'
import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'
import { createFakeClock } from '../support/fake-clock'
import { createKeychainCipher } from '../support/keychain-cipher'
import { foundIn, personalDataOf } from '../support/personal-data'
import { profileText, sessionFolders } from '../support/profile-files'
import { createRecordingNotifier } from '../support/recording-desktop'
import { startTestCore, tempProfile, type TestCore } from '../support/test-core'
import { internalErrorsIn, newStats, saveStats, watchMemory, watchProcess } from './stats'

/**
 * A model-based attack on the session boundaries: fast-check drives random histories of user,
 * platform and network steps — sign in as A or B on environment 1 or 2, sign out, restart, lose
 * and regain the network, queue and cancel field actions, sync, break one client's list, change
 * orders on the platform's side, open links — against the real core and two real sandboxes, and
 * after every step checks that (a) nothing of one account is shown, stored or sent under another
 * account or environment, (b) every queued action ends applied exactly once or reported as not
 * applied, (c) no event is notified twice, (d) no order of a client whose list failed disappears.
 */
const RUNS = 100
const MAX_STEPS = 60

const stats = newStats()
const stopWatching = watchMemory(stats)
const stopWatchingProcess = watchProcess(stats)
afterAll(() => {
  stopWatching()
  stopWatchingProcess()
  saveStats('session-model', stats)
})

type Account = 'A' | 'B'
type Env = 1 | 2
interface SessionId {
  account: Account
  env: Env
}
const ACCOUNTS = { A: DEMO_ACCOUNTS.vendor, B: DEMO_ACCOUNTS.otherVendor } as const
const USER_IDS = { A: 'usr-vendor-1', B: 'usr-vendor-2' } as const
const STAGING = 'https://staging.omnivms.test'
const sessionName = (s: SessionId) => `${s.account}${s.env}`
const same = (a: SessionId | null, b: SessionId | null) => a !== null && b !== null && a.account === b.account && a.env === b.env

/** A field action the appraiser queued, and what became of it. */
interface Intent {
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
interface Model {
  session: SessionId | null
  online: boolean
}

/** The real system: two platforms, the app's core (restartable on the same profile and keychain), and what was seen. */
class World {
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
  private constructor(
    readonly one: RunningSandbox,
    readonly two: RunningSandbox
  ) {}

  static async create(): Promise<World> {
    const [one, two] = await Promise.all([startSandboxServer({ accessTokenTtlMs: 3_600_000 }), startSandboxServer({ accessTokenTtlMs: 3_600_000 })])
    const world = new World(one, two)
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
    stats.crashes += internalErrorsIn(this.logs)
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
    stats.crashes += internalErrorsIn(this.logs)
    await this.app.core.dispose()
    await Promise.all([this.one.close(), this.two.close()])
    this.profile.remove()
  }

  /** How the app's requests leave it: held against the current session, then sent (or refused, offline). */
  private readonly fetch: HttpFetch = (input, init) => {
    const env: Env = input.startsWith(STAGING) ? 2 : 1
    const path = new URL(input).pathname
    this.checkRequest(env, path)
    if (!this.online) return Promise.reject(new TypeError('fetch failed'))
    return fetch(env === 2 ? `${this.two.url}${input.slice(STAGING.length)}` : input, init)
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

type Command = fc.AsyncCommand<Model, World>

/** What the window shows now, when someone is signed in. */
async function shownOrders(world: World): Promise<{ orderId: string; clientId: string }[] | null> {
  if (!world.current) return null
  const shown = await world.app.call('listOrders', { cached: true })
  return shown.ok ? shown.value.orders : null
}

/** What a window that opened now would show first, when someone is signed in. */
async function firstScreenOrders(world: World): Promise<{ orderId: string }[] | null> {
  if (!world.current) return null
  const shown = await world.app.call('inboxFirstScreen', { group: 'all', sort: 'due', clientId: null, rows: 20 })
  return shown.ok ? shown.value.orders : null
}

/** Every step ends with the checks that must hold after any step. */
async function checked(world: World, step: () => Promise<void>): Promise<void> {
  stats.modelSteps++
  stats.inputs++
  const session = world.current
  const before = await shownOrders(world)
  const faults = session ? world.sandboxOf(session.env).sandbox.faults : []
  const remaining = new Map(faults.map((f) => [f.id, f.remaining]))
  await step()
  const after = await shownOrders(world)
  if (world.current && after) for (const order of after) if (!world.belongs(order.orderId, world.current)) world.leak(`inbox of ${sessionName(world.current)} shows ${order.orderId}`)
  const opening = await firstScreenOrders(world)
  if (world.current && opening) for (const order of opening) if (!world.belongs(order.orderId, world.current)) world.leak(`first screen of ${sessionName(world.current)} shows ${order.orderId}`)
  // (d) A client whose list met a fault during the step keeps every order it had.
  if (before && after && same(session, world.current)) {
    const broken = new Set(faults.filter((f) => (remaining.get(f.id) ?? f.remaining) > f.remaining).map((f) => /clients\/([^/]+)/.exec(f.pathPattern)?.[1]))
    const now = new Set(after.map((o) => o.orderId))
    const lost = before.filter((o) => broken.has(o.clientId) && !now.has(o.orderId))
    expect(lost, 'orders of a client whose list failed disappeared').toEqual([])
  }
  for (const intent of world.intents) if (world.outcome(intent).elsewhere > 0) world.leak(`an action of ${sessionName(intent.session)} was applied on the other environment`)
  for (const intent of world.intents.filter((i) => i.state === 'cancelled')) expect(world.outcome(intent).applied, 'a cancelled action was applied').toBe(0)
  expect(world.leaks).toEqual([])
  expect(world.repeatedNotifications()).toBe(0)
}

const signInput = (s: SessionId) => ({
  environment: s.env === 1 ? { kind: 'sandbox' as const } : { kind: 'custom' as const, url: STAGING },
  email: ACCOUNTS[s.account].email,
  password: ACCOUNTS[s.account].password,
  keepSignedIn: true
})

class SignIn implements Command {
  constructor(readonly s: SessionId) {}
  check = (m: Readonly<Model>) => m.session === null
  run = (m: Model, w: World) =>
    checked(w, async () => {
      w.current = this.s
      const result = await w.app.call('signIn', signInput(this.s))
      if (result.ok) m.session = this.s
      else w.current = null
    })
  toString = () => `signIn(${sessionName(this.s)})`
}

class SignOut implements Command {
  check = (m: Readonly<Model>) => m.session !== null
  run = (m: Model, w: World) =>
    checked(w, async () => {
      w.current = null
      await w.app.ok('signOut')
      m.session = null
    })
  toString = () => 'signOut'
}

/** The platform ends the session (tokens revoked): the app finds out at its next call and asks for a sign-in. */
class SessionEnds implements Command {
  check = (m: Readonly<Model>) => m.session !== null && m.online
  run = (m: Model, w: World) =>
    checked(w, async () => {
      const s = m.session as SessionId
      const control = w.sandboxOf(s.env).url
      await fetch(`${control}/__sandbox/tokens/revoke`, { method: 'POST' })
      await fetch(`${control}/__sandbox/tokens/expire`, { method: 'POST' })
      await w.app.call('listOrders')
      const state = await w.app.ok('getSessionState')
      if (state.status === 'signedOut') {
        w.current = null
        m.session = null
      }
    })
  toString = () => 'sessionEnds'
}

class Restart implements Command {
  constructor(readonly copyWritesLost: boolean) {}
  check = () => true
  run = (_m: Model, w: World) => checked(w, () => w.restart(this.copyWritesLost))
  toString = () => (this.copyWritesLost ? 'restart(copy writes lost)' : 'restart')
}

class Network implements Command {
  constructor(readonly online: boolean) {}
  check = (m: Readonly<Model>) => m.online !== this.online
  run = (m: Model, w: World) =>
    checked(w, async () => {
      w.online = this.online
      m.online = this.online
      if (this.online && m.session) await w.app.ok('networkRestored')
    })
  toString = () => (this.online ? 'online' : 'offline')
}

/** At the property without a signal: the order was opened online, then a field action is done offline. */
class QueueAction implements Command {
  constructor(
    readonly index: number,
    readonly reschedule: boolean,
    readonly hours: number
  ) {}
  check = (m: Readonly<Model>) => m.session !== null
  run = (m: Model, w: World) =>
    checked(w, async () => {
      const s = m.session as SessionId
      const ref = w.scheduled[s.account][this.index % w.scheduled[s.account].length] as OrderRef
      if (m.online) await w.app.call('getOrder', ref)
      w.online = false
      m.online = false
      const action: OrderAction = this.reschedule
        ? { type: 'rescheduleInspection', inspectionAt: new Date(Math.ceil((Date.now() + this.hours * 3_600_000) / 60_000) * 60_000).toISOString(), slotId: null }
        : { type: 'completeInspection', completedAt: new Date(Date.now() - 60_000).toISOString() }
      const queuedAt = Date.now()
      const result = await w.app.call('performOrderAction', { ref, action })
      if (!result.ok || !result.value.queued) return
      const pending = result.value.order.pendingActions.find((p) => p.type === action.type)
      if (!pending) throw new Error('queued, but not listed as waiting')
      for (const earlier of w.intents) if (same(earlier.session, s) && earlier.ref.orderId === ref.orderId && earlier.action.type === action.type && earlier.state === 'queued') earlier.state = 'replaced'
      w.intents.push({ session: s, ref, street: result.value.order.address.line1, orderNumber: result.value.order.orderNumber, action, pendingId: pending.id, queuedAt, state: 'queued' })
    })
  toString = () => `queue(${this.index}, ${this.reschedule ? `reschedule +${this.hours} h` : 'complete'})`
}

class CancelQueued implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.session !== null
  run = (m: Model, w: World) =>
    checked(w, async () => {
      const mine = w.intents.filter((i) => same(i.session, m.session) && i.state === 'queued')
      const intent = mine[this.index % Math.max(1, mine.length)]
      if (!intent) return
      const result = await w.app.call('cancelPendingAction', { id: intent.pendingId })
      if (result.ok) intent.state = 'cancelled'
      else expect(['not_found', 'busy']).toContain(result.error.code)
    })
  toString = () => `cancel(${this.index})`
}

class Sync implements Command {
  constructor(readonly minutes: number) {}
  check = () => true
  run = (_m: Model, w: World) =>
    checked(w, async () => {
      await w.clock.advance(this.minutes * 60_000)
      await w.app.core.syncNow()
    })
  toString = () => `sync(+${this.minutes} min)`
}

class BreakClientList implements Command {
  constructor(
    readonly clientIndex: number,
    readonly mode: 'status' | 'garbage' | 'reset' | 'rate'
  ) {}
  check = (m: Readonly<Model>) => m.session !== null
  run = (m: Model, w: World) =>
    checked(w, async () => {
      const s = m.session as SessionId
      const sandbox = w.sandboxOf(s.env)
      const user = sandbox.sandbox.data.users.find((u) => u.id === USER_IDS[s.account])
      const clientId = user?.clientIds[this.clientIndex % user.clientIds.length] ?? ''
      const fault = this.mode === 'rate' ? { mode: 'status' as const, status: 429, retryAfter: 0, count: 3 } : this.mode === 'status' ? { mode: 'status' as const, status: 503, count: 1 } : { mode: this.mode, count: 1 }
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', path: `/api/clients/${clientId}/orders`, ...fault }) })
    })
  toString = () => `break(client ${this.clientIndex}, ${this.mode})`
}

/** The platform's side: a new assignment, a hold, a resume, or the office moving an appointment. */
class PlatformChange implements Command {
  constructor(
    readonly env: Env,
    readonly account: Account,
    readonly kind: 'assign' | 'hold' | 'resume' | 'moveAppointment',
    readonly index: number
  ) {}
  check = () => true
  run = (_m: Model, w: World) =>
    checked(w, async () => {
      const { sandbox } = w.sandboxOf(this.env)
      const ref = w.scheduled[this.account][this.index % w.scheduled[this.account].length] as OrderRef
      const order = sandbox.orders.findById(ref.orderId)
      const vendor = sandbox.data.users.find((u) => u.id === USER_IDS[this.account])
      try {
        if (this.kind === 'assign') sandbox.orders.assign({ vendorEmail: ACCOUNTS[this.account].email, street: `${sandbox.data.orders.length} New Assignment Way` })
        else if (this.kind === 'hold') sandbox.moves.applyEvent('hold', order, { reason: 'Borrower asked to wait' })
        else if (this.kind === 'resume') sandbox.moves.applyEvent('resume', order)
        else if (vendor) sandbox.moves.applyAction(vendor, order, { status: ORDER_STATUS.InspectionScheduled, inspectionAt: new Date(Date.now() + (30 + this.index) * 3_600_000).toISOString(), slotId: null })
      } catch {
        // Not possible in the order's state now: the platform refuses, nothing changes.
      }
    })
  toString = () => `platform(${this.env}, ${this.account}, ${this.kind}, ${this.index})`
}

class DeepLink implements Command {
  constructor(readonly which: number) {}
  check = () => true
  run = (m: Model, w: World) =>
    checked(w, async () => {
      const s = m.session ?? { account: 'A', env: 1 }
      const own = w.sandboxOf(s.env).sandbox.data.orders.find((o) => o.vendorId === USER_IDS[s.account])
      const theirs = w.sandboxOf(s.env).sandbox.data.orders.find((o) => o.vendorId !== USER_IDS[s.account] && o.vendorId.startsWith('usr-vendor'))
      if (this.which === 4) await w.app.call('requestPasswordReset', { environment: { kind: 'sandbox' }, email: ACCOUNTS[s.account].email })
      const reset = /omnivms:\/\/reset-password\?\S+/.exec(w.one.sandbox.data.outbox.at(-1)?.body ?? '')?.[0] ?? 'omnivms://reset-password?email=x%40y.test&code=123456'
      const links = [`omnivms://orders/${own?.orderNumber ?? 'OV-0'}`, `omnivms://orders/${theirs?.orderNumber ?? 'OV-0'}`, 'omnivms://orders/%E0%A4%A', 'omnivms://evil.example/x?token=at_abcdefghijkl', reset]
      await w.app.core.openDeepLink(links[this.which % links.length] as string)
    })
  toString = () => `link(${this.which})`
}

/** Steps that happen more often in a day than signing in or out. */
const twice = <T,>(arbitrary: fc.Arbitrary<T>) => [arbitrary, arbitrary]
const session = fc.record({ account: fc.constantFrom<Account>('A', 'B'), env: fc.constantFrom<Env>(1, 2) })
const commands = fc.commands(
  [
    session.map((s) => new SignIn(s)),
    fc.constant(new SignOut()),
    fc.constant(new SessionEnds()),
    fc.boolean().map((lost) => new Restart(lost)),
    ...twice(fc.boolean().map((online) => new Network(online))),
    ...twice(fc.tuple(fc.nat(5), fc.boolean(), fc.integer({ min: 20, max: 60 })).map(([i, r, h]) => new QueueAction(i, r, h))),
    fc.nat(5).map((i) => new CancelQueued(i)),
    ...twice(fc.constantFrom(0, 1, 16).map((minutes) => new Sync(minutes))),
    fc.tuple(fc.nat(3), fc.constantFrom('status', 'garbage', 'reset', 'rate') as fc.Arbitrary<'status' | 'garbage' | 'reset' | 'rate'>).map(([c, mode]) => new BreakClientList(c, mode)),
    ...twice(
      fc.tuple(fc.constantFrom<Env>(1, 2), fc.constantFrom<Account>('A', 'B'), fc.constantFrom('assign', 'hold', 'resume', 'moveAppointment') as fc.Arbitrary<'assign' | 'hold' | 'resume' | 'moveAppointment'>, fc.nat(5)).map(
        ([env, account, kind, i]) => new PlatformChange(env, account, kind, i)
      )
    ),
    fc.nat(5).map((i) => new DeepLink(i))
  ],
  { maxCommands: MAX_STEPS, size: 'max' }
)

/**
 * After the run: back online, each session with actions still queued is signed in again and given
 * time; then every intent must have ended applied once or reported (never both, never neither).
 */
async function settle(world: World): Promise<void> {
  world.online = true
  const waiting = () => world.intents.filter((i) => i.state === 'queued' && world.outcome(i).applied === 0 && !world.outcome(i).reported)
  for (let round = 0; round < 4 && waiting().length > 0; round++) {
    const next = (waiting()[0] as Intent).session
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
      await world.app.core.syncNow()
      await new Promise((resolve) => setTimeout(resolve, 25))
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

describe('the session boundaries, attacked with a model', () => {
  it(`${RUNS} random histories of up to ${MAX_STEPS} steps keep every account's data, intent and notifications its own`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const world = await World.create()
        stats.modelRuns++
        try {
          await fc.asyncModelRun(() => ({ model: { session: null, online: true }, real: world }), cmds)
          await settle(world)
          await world.checkStoredCopies()
          // Nothing personal in the profile's plain files, the log or a diagnostics export.
          const diagnostics = join(world.profile.dir, 'diagnostics.txt')
          world.app.dialogs.answerSave(diagnostics)
          await world.app.call('exportDiagnostics')
          const personal = [...personalDataOf(world.one.sandbox), ...personalDataOf(world.two.sandbox), ...world.one.sandbox.issuedTokens(), ...world.two.sandbox.issuedTokens()]
          const found = foundIn(personal, [profileText(world.profile.dir), world.logs.join('\n')])
          stats.secretsFound += found.length
          expect(found).toEqual([])
        } finally {
          stats.crossAccountLeaks += world.leaks.length
          stats.repeatedNotifications += world.repeatedNotifications()
          stats.faultsTriggered += world.one.sandbox.faultsTriggered + world.two.sandbox.faultsTriggered
          await world.close()
        }
      }),
      { numRuns: RUNS, seed: 20261201 }
    )
  })
})
