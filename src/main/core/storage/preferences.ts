/** Non-secret preferences: the last e-mail and environment, the answers about weak storage. */
import { z } from 'zod'
import { EnvironmentChoiceSchema, type EnvironmentChoice } from '../../../shared/ipc/session-schemas'
import type { KeyValueStore } from '../ports'

const WeakChoiceSchema = z.enum(['memory', 'weak'])
export type WeakStorageChoice = z.infer<typeof WeakChoiceSchema>

/** Non-secret settings. Anything unreadable is treated as unset. */
export class Preferences {
  constructor(
    private readonly store: KeyValueStore,
    /** What the sign-in screen offers before the user has chosen: production in packaged builds. */
    private readonly defaultEnvironment: 'sandbox' | 'production' = 'sandbox'
  ) {}

  get lastEmail(): string | null {
    const value = this.store.get('lastEmail')
    return typeof value === 'string' ? value : null
  }

  /** The environment last signed in to, else the default. */
  get lastEnvironment(): EnvironmentChoice {
    const parsed = EnvironmentChoiceSchema.safeParse(this.store.get('lastEnvironment'))
    return parsed.success ? parsed.data : { kind: this.defaultEnvironment }
  }

  rememberSignIn(email: string, environment: EnvironmentChoice): void {
    this.store.set('lastEmail', email)
    this.store.set('lastEnvironment', environment)
  }

  get weakStorageChoice(): WeakStorageChoice | null {
    const parsed = WeakChoiceSchema.safeParse(this.store.get('weakStorageChoice'))
    return parsed.success ? parsed.data : null
  }

  set weakStorageChoice(choice: WeakStorageChoice) {
    this.store.set('weakStorageChoice', choice)
  }

  /** Where only weak storage exists: whether the offline copy of orders (borrower data) may be kept on disk too. */
  get weakPersonalDataChoice(): WeakStorageChoice | null {
    const parsed = WeakChoiceSchema.safeParse(this.store.get('weakPersonalDataChoice'))
    return parsed.success ? parsed.data : null
  }

  set weakPersonalDataChoice(choice: WeakStorageChoice) {
    this.store.set('weakPersonalDataChoice', choice)
  }
}
