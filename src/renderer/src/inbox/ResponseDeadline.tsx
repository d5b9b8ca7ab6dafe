/** The countdown to an assignment's response deadline; nothing once the order has been answered. */
import { hasResponseDeadline } from '../../../shared/order-workflow'
import { describeResponseTime } from '../lib/format'
import { useNow } from '../lib/useNow'

export function ResponseDeadline({ order }: { order: { statusCode: number; respondBy: string | null } }) {
  const now = useNow()
  if (!hasResponseDeadline(order)) return null
  const { label, urgency } = describeResponseTime(order.respondBy, now)
  return <span className={`respond respond-${urgency}`}>{label}</span>
}
