/** The sandbox platform's report delivery: inspection slots, versioned submissions, streamed files, and the submit that moves the order on. */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Submission } from '../platform/schemas'
import { statusName } from '../shared/order-workflow'
import { UPLOAD_REPORT } from '../shared/order-workflow'
import type { OrderMoves } from './apply-move'
import type { SandboxOrder, SandboxSubmission, SandboxUser } from './model'
import { SandboxError } from './sandbox-error'
import type { SandboxState } from './state'

const DAY = 86_400_000

export class Submissions {
  constructor(
    private readonly state: SandboxState,
    private readonly moves: OrderMoves,
    private readonly filesDir: string
  ) {}

  private get data() {
    return this.state.data
  }

  slots(order: SandboxOrder) {
    const base = new Date()
    base.setUTCHours(0, 0, 0, 0)
    const slots = []
    for (let day = 1; day <= 3; day++) {
      for (const hour of [14, 18]) {
        const start = base.getTime() + day * DAY + hour * 3_600_000
        slots.push({ id: `slot-${order.id}-${day}-${hour}`, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() })
      }
    }
    return slots
  }

  list(order: SandboxOrder): Submission[] {
    return this.data.submissions.filter((s) => s.orderId === order.id).sort((a, b) => a.version - b.version).map(toPlatformSubmission)
  }

  create(order: SandboxOrder, files: { name: string; size: number; contentType: string }[]): Submission {
    this.assertTakesReport(order)
    const version = this.data.submissions.filter((s) => s.orderId === order.id).length + 1
    const submissionId = `sub-${randomBytes(6).toString('hex')}`
    const submission: SandboxSubmission = {
      id: submissionId,
      orderId: order.id,
      version,
      status: 'draft',
      createdAt: this.state.nowIso(),
      submittedAt: null,
      files: files.map((f, i) => ({ ...f, id: `${submissionId}-f${i + 1}`, sha256: null, uploaded: false, storedAs: null }))
    }
    this.data.submissions.push(submission)
    this.state.changed()
    return toPlatformSubmission(submission)
  }

  /** Streams the bytes to disk: memory stays flat whatever the file's size. */
  async receiveFile(order: SandboxOrder, submissionId: string, fileId: string, body: ReadableStream<Uint8Array> | null) {
    const submission = this.find(order, submissionId)
    if (submission.status !== 'draft') throw new SandboxError(409, 'already_submitted', 'This submission was already sent.')
    this.assertTakesReport(order)
    const file = submission.files.find((f) => f.id === fileId)
    if (!file) throw new SandboxError(404, 'not_found', 'No such file in this submission.')
    if (!body) throw new SandboxError(400, 'empty_body', 'The file body is missing.')
    const target = join(this.filesDir, `${fileId}`)
    const partial = `${target}.part`
    const hash = createHash('sha256')
    let size = 0
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length
        hash.update(chunk)
        callback(null, chunk)
      }
    })
    try {
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), measure, createWriteStream(partial))
    } catch {
      // The client went away mid-file (cancelled, or the connection broke): nothing is kept. A malformed request: 400.
      await rm(partial, { force: true })
      throw new SandboxError(400, 'upload_interrupted', 'The upload was interrupted before the whole file arrived.')
    }
    if (size !== file.size) {
      await rm(partial, { force: true })
      throw new SandboxError(400, 'size_mismatch', `Expected ${file.size} bytes for ${file.name}, received ${size}.`)
    }
    await rename(partial, target)
    file.uploaded = true
    file.sha256 = hash.digest('hex')
    file.storedAs = target
    this.state.changed()
    return { size, sha256: file.sha256 }
  }

  submit(user: SandboxUser, order: SandboxOrder, submissionId: string): void {
    const submission = this.find(order, submissionId)
    if (submission.status === 'submitted') throw new SandboxError(409, 'already_submitted', 'This submission was already sent.')
    const missing = submission.files.filter((f) => !f.uploaded)
    if (missing.length > 0) throw new SandboxError(422, 'files_missing', `Upload ${missing.map((f) => f.name).join(', ')} first.`)
    this.assertTakesReport(order)
    this.moves.applySubmission(user, order, { id: submission.id, version: submission.version, files: submission.files.map((f) => f.name).join(', ') })
    submission.status = 'submitted'
    submission.submittedAt = this.state.nowIso()
    this.state.changed()
  }

  /** 409 unless the order can take a report now (a first delivery, a revision, an ROV). */
  private assertTakesReport(order: SandboxOrder): void {
    if (!(UPLOAD_REPORT.from as readonly number[]).includes(order.status)) {
      throw new SandboxError(409, 'no_report_expected', `This order is ${statusName(order.status)}; it does not take a report now.`)
    }
  }

  private find(order: SandboxOrder, submissionId: string): SandboxSubmission {
    const submission = this.data.submissions.find((s) => s.id === submissionId && s.orderId === order.id)
    if (!submission) throw new SandboxError(404, 'not_found', 'Submission not found.')
    return submission
  }
}

function toPlatformSubmission(s: SandboxSubmission): Submission {
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    createdAt: s.createdAt,
    submittedAt: s.submittedAt,
    files: s.files.map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.contentType, sha256: f.sha256, uploaded: f.uploaded }))
  }
}
