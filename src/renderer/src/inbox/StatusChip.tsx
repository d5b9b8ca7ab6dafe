/** An order's status as text, toned by what it asks of the appraiser; colour is never the only signal. */
import { chipTone, vendorStatusName } from '../../../shared/order-workflow'

export function StatusChip({ code, respondBy = null }: { code: number; respondBy?: string | null }) {
  const name = vendorStatusName(code, respondBy)
  return (
    <span className={`chip chip-${chipTone(code)}`} title={name}>
      {name}
    </span>
  )
}
