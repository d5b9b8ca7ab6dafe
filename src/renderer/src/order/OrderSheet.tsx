/**
 * The order sheet: one clean page per order for the inspection — property, loan and product,
 * contacts, the appointment, instructions, the client's agreed terms, and room for notes. Hidden on
 * screen; the print stylesheet shows only it (Print order sheet…, Ctrl/Cmd+P, and Save as PDF…).
 */
import { createPortal } from 'react-dom'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { propertyTimeZone } from '../../../shared/property-time-zone'
import { statusName } from '../../../shared/order-workflow'
import { formatAtProperty, formatDueDate, formatMoney } from '../lib/format'

export function OrderSheet({ order }: { order: OrderDetail }) {
  const zone = propertyTimeZone(order.address.state)
  const agreed = order.negotiation?.state === 'agreed' ? (order.negotiation.clientCounter ?? order.negotiation.vendorProposal) : null
  const sheet = (
    <article className="order-sheet" aria-hidden="true">
      <header>
        <h1>{order.address.line1}</h1>
        <p>
          {order.address.city}, {order.address.state} {order.address.zip}
          {order.property.county ? ` · ${order.property.county} County` : ''}
        </p>
        <p className="sheet-ids">
          Order {order.orderNumber} · Loan {order.loanNumber} · {order.clientName} · {statusName(order.statusCode)}
        </p>
      </header>
      <section>
        <h2>Appointment</h2>
        <p>{order.inspection.scheduledAt ? formatAtProperty(order.inspection.scheduledAt, zone) : 'Not scheduled'}</p>
      </section>
      <section className="sheet-columns">
        <div>
          <h2>Property</h2>
          <dl>
            <dt>Type</dt>
            <dd>{order.property.type}</dd>
            {order.property.yearBuilt !== null && (
              <>
                <dt>Year built</dt>
                <dd>{order.property.yearBuilt}</dd>
              </>
            )}
            {order.property.livingAreaSqFt !== null && (
              <>
                <dt>Living area</dt>
                <dd>{`${order.property.livingAreaSqFt} sq ft`}</dd>
              </>
            )}
            {order.property.bedrooms !== null && (
              <>
                <dt>Bedrooms / baths</dt>
                <dd>{`${order.property.bedrooms} / ${order.property.bathrooms ?? '–'}`}</dd>
              </>
            )}
          </dl>
        </div>
        <div>
          <h2>Loan and product</h2>
          <dl>
            <dt>Product</dt>
            <dd>{order.product + (order.rush ? ' · Rush' : '')}</dd>
            <dt>Loan</dt>
            <dd>{`${order.loan.type} · ${order.loan.purpose}`}</dd>
            {order.loan.fhaCaseNumber && (
              <>
                <dt>FHA case #</dt>
                <dd>{order.loan.fhaCaseNumber}</dd>
              </>
            )}
            <dt>Fee</dt>
            <dd>{formatMoney(agreed?.fee ?? order.fee.amount, order.fee.currency)}</dd>
            <dt>Due</dt>
            <dd>{formatDueDate(agreed?.dueDate ?? order.dueDate)}</dd>
          </dl>
        </div>
      </section>
      <section>
        <h2>Contacts</h2>
        <ul>
          {order.contacts.map((c) => (
            <li key={`${c.role}-${c.name}`}>
              <strong>{c.name}</strong> ({c.role}){c.phone ? ` · ${c.phone}` : ''}
              {c.email ? ` · ${c.email}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Instructions</h2>
        <p className="sheet-instructions">{order.instructions || 'No instructions.'}</p>
      </section>
      {agreed && (
        <section>
          <h2>Agreed with the client</h2>
          <p>{'note' in agreed ? agreed.note : agreed.explanation}</p>
        </section>
      )}
      <section className="sheet-notes">
        <h2>Notes</h2>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="sheet-line" />
        ))}
      </section>
    </article>
  )
  return createPortal(sheet, document.body)
}
