/** Orders a notification or a link asked to show: one asked for before this window existed, then each that comes. */
import { useEffect, useRef } from 'react'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { api, unwrap } from '../lib/bridge'

export function useOrderRequests(show: (ref: OrderRef) => void): void {
  const latest = useRef(show)
  useEffect(() => {
    latest.current = show
  })
  useEffect(() => {
    void unwrap(api().takeOrderToOpen())
      .then((ref) => ref && latest.current(ref))
      .catch(() => undefined)
    return api().onOpenOrder((ref) => {
      latest.current(ref)
      void api().takeOrderToOpen()
    })
  }, [])
}
