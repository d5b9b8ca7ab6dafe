/**
 * One action dialog's wiring: what was typed (kept as a draft in main when it has a key), the
 * action it makes, the action table's rules on it (the platform's own 422 messages, shown once the
 * user has changed something), and a submit that sends only an action that passes.
 */
import { useState, type FormEvent } from 'react'
import type { OrderAction } from '../../../../shared/ipc/order-schemas'
import { firstProblem, type RuleContext } from '../../../../shared/order-workflow'
import { useDraft } from '../useDraft'

type Fields = Record<string, string>

export function useActionForm<T extends Fields, A extends OrderAction>(options: {
  /** Where the typed text is kept until it is sent or discarded; null: nothing worth keeping. */
  draftKey: string | null
  initial: T
  toAction(value: T): A
  ctx?: RuleContext
  /** Besides the table's rules: what else must hold before it can be sent (e.g. a confirmation). */
  ready?: boolean
  onSubmit(action: A): void
}) {
  const draft = useDraft(options.draftKey, options.initial)
  const [touched, setTouched] = useState(false)
  const action = options.toAction(draft.value)
  const { type, ...fields } = action as OrderAction & Record<string, unknown>
  const problem = firstProblem(type, fields, options.ctx ?? {})
  const blocked = problem !== null || options.ready === false
  const change = (patch: Partial<T>) => {
    setTouched(true)
    draft.update(patch)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!blocked) options.onSubmit(action)
  }
  return { value: draft.value, action, problem, message: touched && problem ? problem.message : null, blocked, change, submit, draft }
}
