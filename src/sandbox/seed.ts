import { hashPassword } from './passwords'
import type { SandboxClient, SandboxData, SandboxDocument, SandboxHistoryRecord, SandboxOrder, SandboxPayment, SandboxRevision, SandboxSubmission, SandboxUser } from './model'
import { samplePdf } from './sample-files'

export const DEMO_PASSWORD = 'Sandbox!2026'

export const DEMO_ACCOUNTS = {
  vendor: { email: 'demo.appraiser@sandbox.omnivms.test', password: DEMO_PASSWORD, name: 'Jordan Rivera' },
  otherVendor: { email: 'other.appraiser@sandbox.omnivms.test', password: DEMO_PASSWORD, name: 'Casey Morgan' }
} as const

const CLIENTS: SandboxClient[] = [
  { id: 'cl-lakeshore', name: 'Lakeshore Mortgage' },
  { id: 'cl-summit', name: 'Summit Valuation AMC' },
  { id: 'cl-redwood', name: 'Redwood Federal Credit Union' },
  { id: 'cl-harbor', name: 'Harbor Home Lending' }
]

const STREETS = [
  'Maple Ave', 'Oak St', 'Cedar Ln', 'Lakeview Dr', 'Birch Rd', 'Willow Way', 'Elm St', 'Sunset Blvd',
  'Highland Ave', 'Park Pl', 'Ridge Rd', 'Meadow Ln', 'River Rd', 'Hillcrest Dr', 'Chestnut St',
  'Spruce Ct', 'Aspen Way', 'Main St', 'Juniper Dr', 'Magnolia Ave'
]
const CITIES = [
  { city: 'Madison', state: 'WI', zip: '53703', county: 'Dane' },
  { city: 'Naperville', state: 'IL', zip: '60540', county: 'DuPage' },
  { city: 'Ann Arbor', state: 'MI', zip: '48104', county: 'Washtenaw' },
  { city: 'Evanston', state: 'IL', zip: '60201', county: 'Cook' },
  { city: 'Milwaukee', state: 'WI', zip: '53202', county: 'Milwaukee' },
  { city: 'Grand Rapids', state: 'MI', zip: '49503', county: 'Kent' },
  { city: 'Oak Park', state: 'IL', zip: '60302', county: 'Cook' },
  { city: 'Waukesha', state: 'WI', zip: '53186', county: 'Waukesha' }
]
const FIRST = ['Avery', 'Blake', 'Camila', 'Dana', 'Eli', 'Farah', 'Gabe', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq']
const LAST = ['Anderson', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Johnson', 'Kowalski', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Reyes', 'Schmidt', 'Thompson', 'Walsh']
const PRODUCTS = [
  { name: '1004 URAR', fee: 550, type: 'Single family' },
  { name: '1073 Condo', fee: 525, type: 'Condominium' },
  { name: '2055 Exterior', fee: 375, type: 'Single family' },
  { name: '1025 Small Residential Income', fee: 750, type: '2-4 unit' },
  { name: 'FHA 1004', fee: 600, type: 'Single family' },
  { name: '1004D Completion', fee: 175, type: 'Single family' },
  { name: 'Desktop 1004', fee: 325, type: 'Single family' }
]
const LOAN_TYPES = ['Conventional', 'FHA', 'VA', 'Jumbo', 'USDA']
const PURPOSES = ['Purchase', 'Refinance', 'Cash-out refinance']
const INSTRUCTIONS = [
  'Contact the borrower to schedule. Lockbox on the side door; code provided on request.',
  'Interior inspection required. Include photos of all bedrooms, kitchen and mechanicals.',
  'Please comment on any deferred maintenance and its cost to cure.',
  'Listing agent will meet you on site. Call 24 hours ahead.',
  'Rush order: report due within 3 business days of inspection.'
]

/** The vendor-visible path that leads to each status (the documented transitions, in order). */
const PATHS: Record<number, number[]> = {
  1: [1],
  2: [1, 2],
  3: [1, 3],
  4: [1, 4],
  10: [1, 3, 10],
  9: [1, 3, 9],
  8: [1, 3, 8],
  14: [1, 3, 14],
  15: [1, 3, 14, 15],
  11: [1, 3, 14, 15, 11],
  12: [1, 3, 14, 15, 11, 12],
  13: [1, 3, 14, 15, 11, 13],
  6: [1, 3, 14, 15, 11, 13, 6],
  7: [1, 3, 14, 15, 11, 7],
  17: [1, 3, 14, 15, 11, 13, 17],
  18: [1, 3, 14, 15, 11, 13, 18],
  20: [1, 3, 14, 15, 11, 13, 20]
}

/** Status mix of a vendor's book: more open work than closed, every vendor-visible status present. */
const STATUS_CYCLE = [1, 1, 1, 4, 3, 3, 10, 14, 14, 15, 11, 11, 12, 20, 13, 6, 6, 6, 9, 8, 17, 18, 2, 7]

const ACTIONS: Record<number, { action: string; who: 'vendor' | 'client' | 'qc' | 'ops'; reason?: string[] }> = {
  1: { action: 'Order assigned to vendor', who: 'ops' },
  2: { action: 'Order declined', who: 'vendor', reason: ['Too busy', 'Out of coverage area'] },
  3: { action: 'Order accepted', who: 'vendor' },
  4: { action: 'Accepted with conditions', who: 'vendor', reason: ['Fee increase requested: complex property', 'Due date extension requested'] },
  6: { action: 'Order completed', who: 'client' },
  7: { action: 'Report rejected', who: 'qc', reason: ['Comparable selection does not support the value'] },
  8: { action: 'Order cancelled', who: 'client', reason: ['Borrower withdrew the application', 'Loan denied'] },
  9: { action: 'Order put on hold', who: 'client', reason: ['Awaiting updated purchase contract', 'Borrower requested a delay'] },
  10: { action: 'Work started', who: 'vendor' },
  11: { action: 'Report submitted', who: 'vendor' },
  12: { action: 'Revision requested', who: 'qc', reason: ['Add a third closed comparable within 1 mile', 'Explain the GLA adjustment on comparable 2', 'Missing photo of the rear elevation'] },
  13: { action: 'Report accepted', who: 'qc' },
  14: { action: 'Inspection scheduled', who: 'vendor' },
  15: { action: 'Inspection completed', who: 'vendor' },
  17: { action: 'Reconsideration of value requested by borrower', who: 'client', reason: ['Borrower supplied three additional sales'] },
  18: { action: 'Reconsideration of value requested by client', who: 'client', reason: ['Value below contract price; please review comparables'] },
  20: { action: 'Revision requested by client', who: 'client', reason: ['Update the subject photos', 'Correct the legal description'] }
}

/** Small deterministic PRNG (mulberry32), so the same seed yields the same book of orders. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  }
}

export interface SeedOptions {
  /** Orders for the demo vendor (default 72). The other vendor always gets 18. */
  orders?: number
  now?: number
}

const DAY = 86_400_000

export function seedData(options: SeedOptions = {}): SandboxData {
  const now = options.now ?? Date.now()
  const rnd = prng(20261128)
  const makeUser = (id: string, account: { email: string; password: string; name: string }, clientIds: string[]): SandboxUser => {
    const { salt, hash } = hashPassword(account.password, `${id}-salt`)
    return { id, email: account.email, name: account.name, role: 'vendor', passwordSalt: salt, passwordHash: hash, clientIds }
  }
  const vendor = makeUser('usr-vendor-1', DEMO_ACCOUNTS.vendor, ['cl-lakeshore', 'cl-summit', 'cl-redwood'])
  const other = makeUser('usr-vendor-2', DEMO_ACCOUNTS.otherVendor, ['cl-summit', 'cl-harbor'])

  const orders: SandboxOrder[] = []
  const history: SandboxHistoryRecord[] = []
  const submissions: SandboxSubmission[] = []
  const revisions: SandboxRevision[] = []
  const documents: SandboxDocument[] = []
  const payments: SandboxPayment[] = []
  const engagementLetter = samplePdf('Engagement letter').toString('base64')
  const purchaseContract = samplePdf('Purchase contract (excerpt)').toString('base64')
  let serial = 10001

  const addOrders = (user: SandboxUser, count: number) => {
    for (let i = 0; i < count; i++) {
      const n = serial++
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length] as number
      const path = PATHS[status] ?? [status]
      const clientId = user.clientIds[i % user.clientIds.length] as string
      const clientName = CLIENTS.find((c) => c.id === clientId)?.name ?? clientId
      const product = rnd.pick(PRODUCTS)
      const place = rnd.pick(CITIES)
      const borrower = `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`
      const closed = [2, 6, 7, 8].includes(status)
      const assignedAt = now - (closed ? rnd.int(20, 60) : rnd.int(1, 12)) * DAY - rnd.int(0, 23) * 3_600_000
      const dueDate = closed ? assignedAt + rnd.int(7, 12) * DAY : now + rnd.int(-3, 14) * DAY
      const stepGap = Math.max(3_600_000, Math.floor((Math.min(now, dueDate) - assignedAt) / (path.length + 1)))
      const loanType = product.name.startsWith('FHA') ? 'FHA' : rnd.pick(LOAN_TYPES)
      const rush = rnd.next() < 0.12
      const id = `ord-${n}`
      const lastAt = assignedAt + (path.length - 1) * stepGap
      orders.push({
        id,
        vendorId: user.id,
        clientId,
        loanId: `ln-${n + 40000}`,
        orderNumber: `OV-2026-${n}`,
        loanNumber: String(4100000000 + n * 7919),
        status,
        product: product.name,
        fee: product.fee + (rush ? 150 : 0) + rnd.int(0, 4) * 25,
        currency: 'USD',
        dueDate: new Date(dueDate).toISOString(),
        rush,
        propertyAddress: {
          street: `${rnd.int(100, 9899)} ${rnd.pick(STREETS)}`,
          city: place.city,
          state: place.state,
          zip: place.zip,
          county: place.county
        },
        borrowerName: borrower,
        assignedAt: new Date(assignedAt).toISOString(),
        updatedAt: new Date(lastAt).toISOString(),
        loanType,
        loanPurpose: rnd.pick(PURPOSES),
        fhaCaseNumber: loanType === 'FHA' ? `${rnd.int(100, 999)}-${rnd.int(1000000, 9999999)}` : null,
        property: {
          type: product.type,
          yearBuilt: rnd.int(1910, 2022),
          livingAreaSqFt: rnd.int(850, 4200),
          bedrooms: rnd.int(1, 5),
          bathrooms: rnd.int(1, 4) + (rnd.next() < 0.4 ? 0.5 : 0)
        },
        contacts: [
          { role: 'Borrower', name: borrower, phone: `(555) ${rnd.int(200, 999)}-${rnd.int(1000, 9999)}`, email: `${borrower.toLowerCase().replace(' ', '.')}@example.com` },
          { role: 'Loan officer', name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`, phone: `(555) ${rnd.int(200, 999)}-${rnd.int(1000, 9999)}`, email: `lo${n}@${clientId.slice(3)}.example.com` },
          ...(rnd.next() < 0.5 ? [{ role: 'Listing agent', name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`, phone: `(555) ${rnd.int(200, 999)}-${rnd.int(1000, 9999)}`, email: null }] : [])
        ],
        instructions: rnd.pick(INSTRUCTIONS)
      })
      path.forEach((code, step) => {
        const spec = ACTIONS[code] ?? { action: `Status ${code}`, who: 'ops' as const }
        const actor =
          spec.who === 'vendor'
            ? { name: user.name, role: 'Vendor' }
            : spec.who === 'qc'
              ? { name: `${clientName} QC`, role: 'QC Reviewer' }
              : spec.who === 'client'
                ? { name: `${clientName}`, role: 'Client User' }
                : { name: 'OmniValVMS Operations', role: 'Operations' }
        history.push({
          id: `h-${n}-${step + 1}`,
          orderId: id,
          at: new Date(assignedAt + step * stepGap).toISOString(),
          action: spec.action,
          status: code,
          previousStatus: step === 0 ? 16 : (path[step - 1] ?? null),
          actor,
          channel: spec.who === 'vendor' ? 'Vendor portal' : spec.who === 'ops' ? 'Admin portal' : 'Client portal',
          reason: spec.reason ? rnd.pick(spec.reason) : null,
          vendorVisible: true
        })
      })
      // A client-side record the vendor must never see.
      history.push({
        id: `h-${n}-internal`,
        orderId: id,
        at: new Date(assignedAt - 3_600_000).toISOString(),
        action: 'Internal note: vendor selected from panel by fee',
        status: null,
        previousStatus: null,
        actor: { name: 'OmniValVMS Operations', role: 'Operations' },
        channel: 'Admin portal',
        reason: null,
        vendorVisible: false
      })
      const order = orders[orders.length - 1] as SandboxOrder
      const at = (step: number) => new Date(assignedAt + step * stepGap).toISOString()
      documents.push({ id: `doc-${n}-1`, orderId: id, name: 'Engagement letter.pdf', contentType: 'application/pdf', sharedAt: at(0), contentBase64: engagementLetter })
      if (order.loanPurpose === 'Purchase') {
        documents.push({ id: `doc-${n}-2`, orderId: id, name: 'Purchase contract.pdf', contentType: 'application/pdf', sharedAt: at(0), contentBase64: purchaseContract })
      }
      if (status === 4) {
        const countered = Math.floor(i / STATUS_CYCLE.length) % 2 === 0
        order.negotiation = {
          state: countered ? 'client_countered' : 'awaiting_client',
          vendorProposal: { requestType: 'fee_increase', fee: order.fee + 150, dueDate: null, explanation: 'Complex property: large acreage and an accessory dwelling unit.' },
          clientCounter: countered ? { fee: order.fee + 75, dueDate: null, note: 'We can meet you halfway.' } : null
        }
      }
      const stepOf = (code: number) => path.indexOf(code)
      if (stepOf(14) >= 0) order.inspection = { scheduledAt: at(stepOf(14) + 1), completedAt: stepOf(15) >= 0 ? at(stepOf(15)) : null }
      if (stepOf(11) >= 0) {
        const submissionId = `sub-${n}-1`
        submissions.push({
          id: submissionId,
          orderId: id,
          version: 1,
          status: 'submitted',
          createdAt: at(stepOf(11)),
          submittedAt: at(stepOf(11)),
          files: [{ id: `${submissionId}-f1`, name: `${order.orderNumber} report.pdf`, size: 2_480_000, contentType: 'application/pdf', sha256: null, uploaded: true, storedAs: null }]
        })
      }
      for (const code of [12, 20] as const) {
        const step = stepOf(code)
        if (step < 0) continue
        const entry = history.find((h) => h.orderId === id && h.status === code)
        revisions.push({
          id: `rev-${n}-${code}`,
          orderId: id,
          type: code === 12 ? 'QC revision' : 'Client revision',
          reason: entry?.reason ?? 'Please review the report.',
          requestedAt: at(step),
          requestedBy: code === 12 ? `${clientName} QC` : clientName,
          source: code === 12 ? 'qc' : 'client',
          answeredBySubmissionId: null
        })
      }
      if (status === 13 || status === 6 || status === 17 || status === 18 || status === 20) {
        payments.push({
          orderId: id,
          amount: order.fee,
          status: status === 6 ? 'paid' : 'unpaid',
          invoiceNumber: `INV-${n}`,
          invoicedAt: at(path.length - 1),
          paidAt: status === 6 ? at(path.length) : null
        })
      }
    }
  }
  addOrders(vendor, options.orders ?? 72)
  addOrders(other, 18)

  return {
    clients: CLIENTS.map((c) => ({ ...c })),
    users: [vendor, other],
    orders,
    history,
    accessTokens: [],
    refreshTokens: [],
    resetCodes: [],
    outbox: [],
    submissions,
    revisions,
    documents,
    payments
  }
}
