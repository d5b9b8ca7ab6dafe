/**
 * The platform's order workflow, declared once: named status sets, the state machine's
 * transitions (documented or assumed, with the reason) and every vendor action with its inputs and
 * rules. The core, the renderer and the sandbox all derive their behaviour from these files.
 */
export * from './workflow/status-sets'
export * from './workflow/transitions'
export * from './workflow/vendor-actions'
export * from './workflow/queues'
export * from './workflow/effects'
export * from './workflow/platform-events'
export * from './workflow/predicates'
export * from './workflow/notifications'
export * from './workflow/status-codes'
