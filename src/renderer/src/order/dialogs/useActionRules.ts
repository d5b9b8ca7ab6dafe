import { useState } from 'react'
import { firstProblem, type RuleContext, type StatusActionId } from '../../../../shared/order-workflow'

/**
 * The action table's rules applied to a form as the user fills it: the same check, and the same
 * message, as the platform's 422. Shown once the user has changed something.
 */
export function useActionRules(id: StatusActionId, input: unknown, ctx: RuleContext = {}) {
  const [touched, setTouched] = useState(false)
  const problem = firstProblem(id, input, ctx)
  return { problem, message: touched && problem ? problem.message : null, touch: () => setTouched(true) }
}
