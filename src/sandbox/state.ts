/** What the sandbox knows and its clock: the one data set its auth, orders and control plane read and change. */
import type { SandboxData } from './model'
import { seedData, type SeedOptions } from './seed'

export interface SandboxOptions extends SeedOptions {
  /** Access token lifetime; the platform keeps these short on purpose. Default 5 minutes. */
  accessTokenTtlMs?: number
  refreshTokenTtlMs?: number
  resetCodeTtlMs?: number
  /** Called after every change, so an embedded sandbox can persist its data. */
  onChange?: (data: SandboxData) => void
  /** Start from saved data instead of the seed. */
  initialData?: SandboxData
  /** Where uploaded report files are written (required for uploads). */
  filesDir?: string
}

export class SandboxState {
  data: SandboxData
  /** The sandbox's clock: real time, moved forward by the control plane when tests need it. */
  clockOffsetMs = 0

  constructor(private readonly options: SandboxOptions) {
    this.data = options.initialData ?? seedData(options)
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  nowIso(): string {
    return new Date(this.now()).toISOString()
  }

  changed(): void {
    this.options.onChange?.(this.data)
  }

  /** Back to the seeded data and the real time. */
  reseed(): void {
    this.data = seedData(this.options)
    this.clockOffsetMs = 0
    this.changed()
  }
}
