/** The inbox queues an appraiser triages by, made of the named status sets. */
import type { OrderStatusCode } from './status-codes'
import { STATUS_SETS } from './status-sets'

/** The inbox queues an appraiser triages by, made of the named status sets. "all" holds every order. */
export const STATUS_GROUPS = [
  { id: 'awaiting', label: 'Awaiting response', codes: STATUS_SETS.awaiting },
  { id: 'active', label: 'Active', codes: [...STATUS_SETS.working, ...STATUS_SETS.onHold] },
  { id: 'inspection', label: 'Inspection', codes: STATUS_SETS.inspection },
  { id: 'qc', label: 'Submitted / QC', codes: STATUS_SETS.inQc },
  { id: 'revision', label: 'Revision & ROV', codes: [...STATUS_SETS.revision, ...STATUS_SETS.rov] },
  { id: 'completed', label: 'Completed', codes: STATUS_SETS.done },
  { id: 'all', label: 'All orders', codes: [] }
] as const satisfies readonly { id: string; label: string; codes: readonly OrderStatusCode[] }[]

export type StatusGroupId = (typeof STATUS_GROUPS)[number]['id']

export function isInGroup(group: StatusGroupId, code: number): boolean {
  if (group === 'all') return true
  const found = STATUS_GROUPS.find((g) => g.id === group)
  return found !== undefined && (found.codes as readonly number[]).includes(code)
}

/** The queue an order is in (its first, "All orders" aside), by label; closed orders are in none of them. */
export function queueLabelOf(code: number): string {
  return STATUS_GROUPS.find((g) => g.id !== 'all' && (g.codes as readonly number[]).includes(code))?.label ?? 'Closed'
}
