/** Performing an action from the window: the result applied, or the refusal shown over the reloaded order. */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderAction, OrderDetail, OrderRef } from '../../../shared/ipc/order-schemas'
import { api, BridgeError, unwrap } from '../lib/bridge'
import { formatDateTime } from '../lib/format'
import { actionLabel } from '../../../shared/order-workflow'
import { INBOX_KEY, PAYMENTS_KEY, orderQueryKey } from './order-keys'

export interface Notice {
  tone: 'ok' | 'error'
  text: string
  /** The status the order had when this was said: the notice disappears once the order moves on. */
  statusCode: number | null
}

const DONE: Record<OrderAction['type'], (order: OrderDetail) => string> = {
  accept: () => 'Order accepted.',
  acceptCounterOffer: () => "You accepted the client's terms. The order is accepted.",
  counterOffer: () => 'Counter-offer sent. The client will answer here.',
  decline: () => 'Order declined.',
  startWork: () => 'Marked as in progress.',
  scheduleInspection: (o) => `Inspection scheduled for ${o.inspection.scheduledAt ? formatDateTime(o.inspection.scheduledAt) : 'the chosen time'}.`,
  rescheduleInspection: (o) => `Inspection moved to ${o.inspection.scheduledAt ? formatDateTime(o.inspection.scheduledAt) : 'the chosen time'}.`,
  completeInspection: () => 'Inspection marked complete.',
  cancel: () => 'Order cancelled.'
}

/** Errors about the order itself (it changed, or is gone): shown as a banner over the reloaded order. */
const ORDER_CHANGED: readonly string[] = ['conflict', 'not_found', 'forbidden', 'outcome_unknown']
export const isOrderChange = (error: unknown): error is BridgeError => error instanceof BridgeError && ORDER_CHANGED.includes(error.code)

const CONFIRMED = ' The connection faltered, so this was confirmed from the order’s history — nothing was sent twice.'

/** Applies results to the cache and says what happened; errors that change the order reload it. */
export function useOrderResults(ref: OrderRef) {
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState<Notice | null>(null)
  const applied = (order: OrderDetail, text: string, confirmedFromHistory: boolean) => {
    // The inbox hears of it from main (inboxChanged); only the payments may need a reload.
    queryClient.setQueryData(orderQueryKey(ref), order)
    void queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY })
    setNotice({ tone: 'ok', text: text + (confirmedFromHistory ? CONFIRMED : ''), statusCode: order.statusCode })
  }
  const failed = (error: unknown) => {
    if (isOrderChange(error)) {
      // The actions offered must come from the reloaded order: the bar hides its old ones until it is back.
      void queryClient.refetchQueries({ queryKey: orderQueryKey(ref) })
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY })
      setNotice({ tone: 'error', text: error.message, statusCode: null })
      return true
    }
    return false
  }
  return { notice, setNotice, applied, failed }
}

export function useOrderAction(ref: OrderRef, results: ReturnType<typeof useOrderResults>) {
  return useMutation({
    mutationFn: (action: OrderAction) => unwrap(api().performOrderAction({ ref, action })),
    onMutate: () => results.setNotice(null),
    onSuccess: (result, action) =>
      results.applied(
        result.order,
        result.queued ? `No connection: “${actionLabel(action.type)}” is saved and will be sent when the network returns.` : DONE[action.type](result.order),
        result.confirmedFromHistory
      ),
    onError: (error) => {
      // Errors about the order itself go to the banner; input errors stay next to the form.
      results.failed(error)
    }
  })
}

/** An error that belongs next to the form (not already shown as a banner). */
export function formError(error: unknown): string | null {
  if (!error) return null
  if (isOrderChange(error)) return null
  return error instanceof Error ? error.message : 'Something went wrong.'
}
