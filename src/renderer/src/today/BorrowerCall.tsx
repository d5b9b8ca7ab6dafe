/**
 * The borrower's phone on a Today inspection, from the order's own contacts (read as the order pane
 * reads them, so it is shared with it; offline, from the saved copy). Nothing is shown until it is
 * known, or when the order has no borrower phone: the row still names the borrower.
 */
import { useQuery } from '@tanstack/react-query'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { api, unwrap } from '../lib/bridge'
import { ExternalLink } from '../lib/ExternalLink'
import { orderQueryKey } from '../order/order-keys'

export function BorrowerCall(props: { orderRef: OrderRef; tabIndex: number }) {
  const detail = useQuery({ queryKey: orderQueryKey(props.orderRef), queryFn: () => unwrap(api().getOrder(props.orderRef)), staleTime: 5 * 60_000 })
  const borrower = detail.data?.contacts.find((c) => /borrower/i.test(c.role) && c.phone)
  if (!borrower?.phone) return null
  return (
    <ExternalLink url={`tel:${borrower.phone}`} label={`Call ${borrower.name}`} tabIndex={props.tabIndex}>
      {borrower.phone}
    </ExternalLink>
  )
}
