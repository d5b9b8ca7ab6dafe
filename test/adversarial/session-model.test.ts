import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { OrderAction, OrderRef } from '../../src/shared/ipc/order-schemas'
import { ORDER_STATUS } from '../../src/shared/order-workflow'
import { foundIn, personalDataOf } from '../support/personal-data'
import { profileText } from '../support/profile-files'
import { newStats, saveStats, watchMemory, watchProcess } from './stats'
import { ACCOUNTS, USER_IDS, World, firstScreenOrders, same, sessionName, settle, shownOrders, signInput, type Account, type Env, type Model, type SessionId } from './session-world'

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

type Command = fc.AsyncCommand<Model, World>


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

describe('the session boundaries, attacked with a model', () => {
  it(`${RUNS} random histories of up to ${MAX_STEPS} steps keep every account's data, intent and notifications its own`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const world = await World.create(stats)
        stats.modelRuns++
        try {
          await fc.asyncModelRun(() => ({ model: { session: null, online: true }, real: world }), cmds)
          await settle(world, stats)
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
