/** The seeded book: accounts, clients and orders with histories written from the action table. */
import { hashPassword } from './passwords'
import type { SandboxClient, SandboxData, SandboxDocument, SandboxHistoryRecord, SandboxOrder, SandboxPayment, SandboxRevision, SandboxSubmission, SandboxUser } from './model'
import { samplePdf } from './sample-files'
import { ORDER_STATUS as S, type OrderStatusCode } from '../shared/order-workflow'
import { STATUS_SETS, TRANSITIONS, VENDOR_ACTIONS, inSet, isNegotiating, isNewAssignment, moveFor, PLATFORM_EVENTS, type Transition } from '../shared/order-workflow'

export const DEMO_PASSWORD = 'Sandbox!2026'

export const DEMO_ACCOUNTS = {
  vendor: { email: 'demo.appraiser@sandbox.omnivms.test', password: DEMO_PASSWORD, name: 'Jordan Rivera' },
  otherVendor: { email: 'other.appraiser@sandbox.omnivms.test', password: DEMO_PASSWORD, name: 'Casey Morgan' },
  /** A Client User of Lakeshore Mortgage: not an appraiser, so the app tells them it is not for them. */
  clientUser: { email: 'client.user@sandbox.omnivms.test', password: DEMO_PASSWORD, name: 'Morgan Lee' }
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

/** Sample reasons the seeded history records carry, per status reached. */
const REASONS: Partial<Record<OrderStatusCode, string[]>> = {
  [S.OrderDeclined]: ['Too busy', 'Out of coverage area'],
  [S.AcceptedWithConditions]: ['Fee increase requested: complex property', 'Due date extension requested'],
  [S.Rejected]: ['Comparable selection does not support the value'],
  [S.Cancelled]: ['Borrower withdrew the application', 'Loan denied'],
  [S.OnHold]: ['Awaiting updated purchase contract', 'Borrower requested a delay'],
  [S.RevisionRequested]: ['Add a third closed comparable within 1 mile', 'Explain the GLA adjustment on comparable 2', 'Missing photo of the rear elevation'],
  [S.RovBorrower]: ['Borrower supplied three additional sales'],
  [S.RovClient]: ['Value below contract price; please review comparables'],
  [S.RevisionRequestedByClient]: ['Update the subject photos', 'Correct the legal description']
}

/**
 * The statuses an order passes through to reach `target`, from assignment, along the state
 * machine of the action table: the shortest documented route (assumed transitions only where no
 * documented one leads there). Holds and cancellations are shown after acceptance.
 */
/** Holds and cancellations come from anywhere: seeded after acceptance. */
const SIDE_STEPS: readonly number[] = [PLATFORM_EVENTS.hold.to, VENDOR_ACTIONS.cancel.to]

export function seedPath(target: OrderStatusCode): OrderStatusCode[] {
  if (SIDE_STEPS.includes(target)) return [...seedPath(S.OrderAccepted), target]
  const search = (allowed: (t: Transition) => boolean): OrderStatusCode[] | null => {
    const queue: OrderStatusCode[][] = [[S.OrderAssigned]]
    const seen = new Set<number>([S.OrderAssigned])
    while (queue.length > 0) {
      const path = queue.shift() as OrderStatusCode[]
      const last = path[path.length - 1] as OrderStatusCode
      if (last === target) return path
      for (const t of TRANSITIONS) {
        if (t.from !== last || seen.has(t.to) || !allowed(t) || SIDE_STEPS.includes(t.to)) continue
        seen.add(t.to)
        queue.push([...path, t.to])
      }
    }
    return null
  }
  return search((t) => t.source === 'documented') ?? search(() => true) ?? [target]
}

/** Status mix of a vendor's book: more open work than closed, every vendor-visible status present. */
const STATUS_CYCLE: OrderStatusCode[] = [1, 1, 1, 4, 3, 3, 10, 14, 14, 15, 11, 11, 12, 20, 13, 6, 6, 6, 9, 8, 17, 18, 16, 7]

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
  const makeUser = (id: string, account: { email: string; password: string; name: string }, clientIds: string[], role: SandboxUser['role'] = 'Vendor'): SandboxUser => {
    const { salt, hash } = hashPassword(account.password, `${id}-salt`)
    return { id, email: account.email, name: account.name, role, passwordSalt: salt, passwordHash: hash, clientIds }
  }
  const vendor = makeUser('usr-vendor-1', DEMO_ACCOUNTS.vendor, ['cl-lakeshore', 'cl-summit', 'cl-redwood'])
  const other = makeUser('usr-vendor-2', DEMO_ACCOUNTS.otherVendor, ['cl-summit', 'cl-harbor'])
  const clientUser = makeUser('usr-client-1', DEMO_ACCOUNTS.clientUser, ['cl-lakeshore'], 'Client User')

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
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length] as OrderStatusCode
      const path = seedPath(status)
      const clientId = user.clientIds[i % user.clientIds.length] as string
      const clientName = CLIENTS.find((c) => c.id === clientId)?.name ?? clientId
      const product = rnd.pick(PRODUCTS)
      const place = rnd.pick(CITIES)
      const borrower = `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`
      const closed = inSet('closed', status)
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
      const actorOf = (by: Transition['by']) =>
        ({
          Vendor: { name: user.name, role: 'Vendor' },
          'QC Reviewer': { name: `${clientName} QC`, role: 'QC Reviewer' },
          'Client User': { name: clientName, role: 'Client User' },
          Borrower: { name: borrower, role: 'Borrower' },
          Operations: { name: 'OmniValVMS Operations', role: 'Operations' },
          System: { name: 'OmniValVMS', role: 'System' }
        })[by]
      // Every step is a move of the action table, recorded as its action or event says, by whom it says.
      path.forEach((code, step) => {
        const previous = step === 0 ? S.OrderUnassigned : (path[step - 1] as OrderStatusCode)
        const move = moveFor(previous, code)
        if (!move) throw new Error(`the seed walked ${previous} → ${code}, which no action or event of the table makes`)
        const reasons = REASONS[code]
        history.push({
          id: `h-${n}-${step + 1}`,
          orderId: id,
          at: new Date(assignedAt + step * stepGap).toISOString(),
          action: move.history,
          status: code,
          previousStatus: previous,
          actor: actorOf(move.by),
          channel: move.channel,
          reason: reasons ? rnd.pick(reasons) : null,
          vendorVisible: true
        })
      })
      // Delivered once accepted — unless the client asked for a revision first — and invoiced then (never before).
      const deliver = PLATFORM_EVENTS.deliver
      const acceptedAt = path.findIndex((code) => (deliver.from as readonly number[]).includes(code))
      const afterAcceptance = path[acceptedAt + 1]
      const delivered = acceptedAt >= 0 && afterAcceptance !== PLATFORM_EVENTS.clientRevision.to && (afterAcceptance !== undefined || i % 2 === 0)
      if (delivered) {
        history.push({
          id: `h-${n}-delivered`,
          orderId: id,
          at: new Date(assignedAt + (acceptedAt + 0.5) * stepGap).toISOString(),
          action: deliver.history,
          status: path[acceptedAt] as OrderStatusCode,
          previousStatus: path[acceptedAt] as OrderStatusCode,
          actor: actorOf(deliver.by),
          channel: deliver.channel,
          reason: null,
          vendorVisible: true
        })
      }
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
      // Assignments still waiting for an answer have hours left; their clock started at assignment.
      if (isNewAssignment(status)) order.respondBy = new Date(now + rnd.int(2, 20) * 3_600_000).toISOString()
      // A hold knows the status it was held from, so the client can resume it.
      if (status === PLATFORM_EVENTS.hold.to) order.statusBeforeHold = path[path.length - 2] ?? null
      if (isNegotiating(status)) {
        const countered = Math.floor(i / STATUS_CYCLE.length) % 2 === 0
        order.negotiation = {
          state: countered ? 'client_countered' : 'awaiting_client',
          vendorProposal: { requestType: 'fee_increase', fee: order.fee + 150, dueDate: null, explanation: 'Complex property: large acreage and an accessory dwelling unit.' },
          clientCounter: countered ? { fee: order.fee + 75, dueDate: null, note: 'We can meet you halfway.' } : null
        }
      }
      const stepOf = (code: number) => (path as number[]).indexOf(code)
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
      const REQUESTS = {
        [S.RevisionRequested]: { kind: 'revision', type: 'QC revision', by: `${clientName} QC`, source: 'qc' },
        [S.RevisionRequestedByClient]: { kind: 'revision', type: 'Client revision', by: clientName, source: 'client' },
        [S.RovBorrower]: { kind: 'rov', type: 'Reconsideration of value', by: borrower, source: 'borrower' },
        [S.RovClient]: { kind: 'rov', type: 'Reconsideration of value', by: clientName, source: 'client' }
      } as const
      for (const code of [...STATUS_SETS.revision, ...STATUS_SETS.rov]) {
        const step = stepOf(code)
        if (step < 0) continue
        const entry = history.find((h) => h.orderId === id && h.status === code)
        const request = REQUESTS[code]
        revisions.push({
          id: `rev-${n}-${code}`,
          orderId: id,
          kind: request.kind,
          type: request.type,
          reason: entry?.reason ?? 'Please review the report.',
          requestedAt: at(step),
          requestedBy: request.by,
          source: request.source,
          answeredBySubmissionId: null
        })
      }
      // Invoiced after delivery: completed orders are paid; delivered ones (then reconsidered) wait.
      if (delivered) {
        const paid = status === PLATFORM_EVENTS.complete.to
        payments.push({
          orderId: id,
          amount: order.fee,
          status: paid ? 'paid' : 'unpaid',
          invoiceNumber: `INV-${n}`,
          invoicedAt: at(acceptedAt + 0.5),
          paidAt: paid ? at(path.length) : null
        })
      }
    }
  }
  addOrders(vendor, options.orders ?? 72)
  addOrders(other, 18)

  return {
    clients: CLIENTS.map((c) => ({ ...c })),
    users: [vendor, other, clientUser],
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
