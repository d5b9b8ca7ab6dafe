import { vendorStatusName } from '../../../shared/order-status'

/** Status as text, with a tone class; colour is never the only signal. */
export function StatusChip({ code, respondBy = null }: { code: number; respondBy?: string | null }) {
  return <span className={`chip chip-${code}`}>{vendorStatusName(code, respondBy)}</span>
}
