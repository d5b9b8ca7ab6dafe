import type { Sandbox } from '../../src/sandbox/sandbox'

/**
 * The personal data a sandbox holds that must never reach a log, a diagnostics file or a plain
 * file in the profile: borrowers' names, contacts' e-mails and phones, and the reset codes it mailed.
 */
export function personalDataOf(sandbox: Sandbox): string[] {
  const { orders, outbox } = sandbox.data
  const values = [
    ...orders.map((o) => o.borrowerName),
    ...orders.flatMap((o) => o.contacts.flatMap((c) => [c.email ?? '', c.phone ?? ''])),
    ...outbox.flatMap((m) => [...m.body.matchAll(/reset code is (\w+)/g)].map((match) => match[1] ?? ''))
  ]
  return [...new Set(values.filter((v) => v.length >= 4))]
}

/** Which of `values` appear in any of the texts. */
export const foundIn = (values: readonly string[], texts: readonly string[]) => values.filter((value) => texts.some((text) => text.includes(value)))
