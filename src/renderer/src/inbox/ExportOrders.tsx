/** "Export…": the orders shown (queue or view, client, search), or every order due between two dates, as CSV. */
import { useState } from 'react'
import type { IndexedOrder } from '../../../shared/inbox/order-index'
import { Modal } from '../order/Modal'
import { api } from '../lib/bridge'
import { formatCount } from '../lib/format'
import { SaveOutcome } from '../lib/SaveOutcome'
import { SaveProgressLine } from '../lib/SaveProgressLine'
import { useLongSave } from '../lib/useLongSave'

export function ExportOrders(props: { shown: readonly IndexedOrder[]; label: string }) {
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<'shown' | 'dueBetween'>('shown')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const { save: exporting, progress, cancel } = useLongSave((saveId) =>
    api().exportOrders(
      kind === 'shown'
        ? { kind, saveId, label: props.label.slice(0, 80), orders: props.shown.map(({ order: o }) => ({ clientId: o.clientId, loanId: o.loanId, orderId: o.orderId })) }
        : { kind, saveId, from, to }
    )
  )
  const rangeProblem = kind === 'dueBetween' && (from === '' || to === '' || to < from) ? 'Choose both dates, the first on or before the second.' : null
  return (
    <span className="export">
      <button type="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      <SaveOutcome saved={!open && exporting.data ? `Saved ${formatCount(exporting.data.rows)} order${exporting.data.rows === 1 ? '' : 's'} to ${exporting.data.savedTo}` : null} error={open ? null : exporting.error} />
      {open && (
        <Modal title="Export orders" onClose={() => setOpen(false)} busy={exporting.isPending}>
          <form
            className="dialog-form"
            onSubmit={(e) => {
              e.preventDefault()
              if (!rangeProblem) exporting.mutate(undefined, { onSuccess: (saved) => saved && setOpen(false) })
            }}
          >
            <fieldset>
              <legend>Which orders</legend>
              <label className="radio">
                <input type="radio" name="export-kind" checked={kind === 'shown'} onChange={() => setKind('shown')} />
                {`The ${props.shown.length === 1 ? 'order' : `${formatCount(props.shown.length)} orders`} shown (${props.label})`}
              </label>
              <label className="radio">
                <input type="radio" name="export-kind" checked={kind === 'dueBetween'} onChange={() => setKind('dueBetween')} />
                Every order due between two dates
              </label>
            </fieldset>
            {kind === 'dueBetween' && (
              <div className="inline-row">
                <div className="field">
                  <label htmlFor="export-from">Due from</label>
                  <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="export-to">to</label>
                  <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
                </div>
              </div>
            )}
            {rangeProblem && (from !== '' || to !== '') && <p className="field-error">{rangeProblem}</p>}
            {exporting.isPending && progress && <SaveProgressLine progress={progress} label="Exporting orders" onCancel={cancel} />}
            <SaveOutcome saved={null} error={exporting.error} />
            <div className="dialog-buttons">
              <button type="button" onClick={() => setOpen(false)} disabled={exporting.isPending}>
                Close
              </button>
              <button type="submit" className="primary" disabled={exporting.isPending || rangeProblem !== null}>
                {exporting.isPending ? 'Exporting…' : 'Export CSV…'}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </span>
  )
}
