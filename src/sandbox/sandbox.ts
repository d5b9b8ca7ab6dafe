/** The sandbox platform, composed: its data and clock, auth, orders, moves and submissions, and what the control plane sees (requests, faults). */
import { tmpdir } from 'node:os'
import { OrderMoves } from './apply-move'
import { SandboxAuth } from './auth'
import type { Fault, RequestLogEntry } from './model'
import { SandboxOrders } from './orders'
import { SandboxState, type SandboxOptions } from './state'
import { Submissions } from './submissions'

export type { SandboxOptions } from './state'

const REQUEST_LOG_LIMIT = 5000

export class Sandbox {
  readonly state: SandboxState
  readonly auth: SandboxAuth
  readonly moves: OrderMoves
  readonly orders: SandboxOrders
  readonly submissions: Submissions
  readonly requests: RequestLogEntry[] = []
  faults: Fault[] = []
  /** How many requests met a fault (not how many were armed). */
  faultsTriggered = 0

  constructor(options: SandboxOptions = {}) {
    this.state = new SandboxState(options)
    this.auth = new SandboxAuth(this.state, options)
    this.moves = new OrderMoves(this.state, (order) => this.submissions.slots(order))
    this.orders = new SandboxOrders(this.state, this.moves)
    this.submissions = new Submissions(this.state, this.moves, options.filesDir ?? tmpdir())
  }

  /** Everything the sandbox knows (tests read and arrange it directly). */
  get data() {
    return this.state.data
  }

  /** Moves the sandbox's clock forward (control plane): deadlines and token expiry follow it. */
  advanceClock(ms: number): void {
    this.state.clockOffsetMs += ms
    this.moves.expireUnanswered()
  }

  reset(): void {
    this.state.reseed()
    this.requests.length = 0
    this.faults = []
  }

  logRequest(entry: RequestLogEntry): void {
    this.requests.push(entry)
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT)
  }

  /** Every token this sandbox process issued (in memory only), for secret sweeps. */
  issuedTokens(): string[] {
    return this.auth.issuedTokens()
  }
}
