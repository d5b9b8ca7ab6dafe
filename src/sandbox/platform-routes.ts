/** What the sandbox platform does for each endpoint of the contract. */
import { SandboxError } from './sandbox-error'
import type { RouteTable } from './routes'

/** What the sandbox platform does for each endpoint of the contract; the compiler demands every one. */
export const platformRoutes: RouteTable = {
  signIn: (sandbox, { body }) => ({ body: sandbox.auth.signIn(body.email, body.password) }),
  refreshToken: (sandbox, { body }) => ({ body: sandbox.auth.refresh(body.refreshToken) }),
  signOut: (sandbox, { body }) => {
    sandbox.auth.signOut(body.refreshToken)
    return { status: 204, body: null }
  },
  forgotPassword: (sandbox, { body }) => ({ status: 202, body: sandbox.auth.requestPasswordReset(body.email) }),
  resetPassword: (sandbox, { body }) => {
    sandbox.auth.resetPassword(body.email, body.code, body.newPassword)
    return { status: 204, body: null }
  },
  me: (sandbox, { user }) => {
    const u = user()
    return { body: { user: { id: u.id, name: u.name, email: u.email, role: u.role }, clients: sandbox.orders.clientsOf(u) } }
  },
  listClientOrders: (sandbox, { user, params, query }) => ({ body: sandbox.orders.list(user(), params.clientId, query.page, query.pageSize) }),
  getOrder: (sandbox, { order }) => ({ body: sandbox.orders.detail(order()) }),
  getVendorHistory: (sandbox, { order }) => ({ body: { items: sandbox.orders.vendorHistory(order()) } }),
  updateOrderStatus: (sandbox, { user, order, body }) => {
    const target = order()
    sandbox.moves.applyAction(user(), target, body)
    return { body: sandbox.orders.detail(target) }
  },
  listInspectionSlots: (sandbox, { order }) => ({ body: { items: sandbox.submissions.slots(order()) } }),
  listSubmissions: (sandbox, { order }) => ({ body: { items: sandbox.submissions.list(order()) } }),
  createSubmission: (sandbox, { order, body }) => ({ status: 201, body: sandbox.submissions.create(order(), body.files) }),
  uploadSubmissionFile: async (sandbox, { order, params, raw }) => ({ body: await sandbox.submissions.receiveFile(order(), params.submissionId, params.fileId, raw) }),
  submitSubmission: (sandbox, { user, order, params }) => {
    const target = order()
    sandbox.submissions.submit(user(), target, params.submissionId)
    return { body: sandbox.orders.detail(target) }
  },
  listRevisions: (sandbox, { order }) => {
    const target = order()
    const items = sandbox.data.revisions
      .filter((r) => r.orderId === target.id)
      .map(({ orderId: _orderId, ...r }) => r)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
    return { body: { items } }
  },
  listDocuments: (sandbox, { order }) => {
    const target = order()
    const items = sandbox.data.documents
      .filter((d) => d.orderId === target.id)
      .map((d) => ({ id: d.id, name: d.name, contentType: d.contentType, size: Buffer.from(d.contentBase64, 'base64').length, sharedAt: d.sharedAt }))
    return { body: { items } }
  },
  downloadDocument: (sandbox, { order, params }) => {
    const target = order()
    const doc = sandbox.data.documents.find((d) => d.orderId === target.id && d.id === params.documentId)
    if (!doc) throw new SandboxError(404, 'not_found', 'Document not found.')
    const bytes = Buffer.from(doc.contentBase64, 'base64')
    return new Response(bytes, { status: 200, headers: { 'content-type': doc.contentType, 'content-length': String(bytes.length) } })
  },
  listVendorPayments: (sandbox, { user, params }) => {
    const u = user()
    sandbox.orders.assertClientScope(u, params.clientId)
    const orders = new Map(sandbox.data.orders.filter((o) => o.vendorId === u.id && o.clientId === params.clientId).map((o) => [o.id, o]))
    const items = sandbox.data.payments.flatMap((p) => {
      const order = orders.get(p.orderId)
      return order ? [{ ...p, loanId: order.loanId, orderNumber: order.orderNumber, currency: order.currency }] : []
    })
    return { body: { items } }
  }
}
