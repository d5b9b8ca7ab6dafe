import { ORDER_STATUS } from '../../../shared/order-status'
import { describeResponseTime } from '../lib/format'
import { useNow } from '../lib/useNow'

/** The countdown to an assignment's response deadline; nothing once the order has been answered. */
export function ResponseDeadline({ statusCode, respondBy }: { statusCode: number; respondBy: string | null }) {
  const now = useNow()
  if (statusCode !== ORDER_STATUS.OrderAssigned || !respondBy) return null
  const { label, urgency } = describeResponseTime(respondBy, now)
  return <span className={`respond respond-${urgency}`}>{label}</span>
}
