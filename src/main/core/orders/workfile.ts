/**
 * The workfile USPAP's record-keeping rule asks an appraiser to keep (five years): one folder per
 * order with the order sheet (PDF), the vendor-visible history, every report version submitted, the
 * documents the client shared, and a manifest saying what each file is (with its SHA-256) and what
 * could not be included. A report file is included when this app submitted it and it is still, byte
 * for byte, what the platform received (its SHA-256). Built in a temporary folder beside the target
 * and renamed into place: whole, or nothing — also when cancelled.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import { safeFileName } from '../primitives/safe-file-name'
import { sha256File } from '../primitives/sha256-file'
import { writeFileAtomic } from '../storage/secure-file'
import { streamDocumentTo } from './document-downloads'
import type { SaveJob } from './save-jobs'
import { historyCsv, submissionsCsv } from './spreadsheet-exports'
import type { SubmittedFile } from './submitted-report-files'

export interface WorkfileInput {
  auth: AuthorizedPlatform
  order: OrderDetail
  /** The order sheet as PDF; null where the window cannot be printed (said in the manifest). */
  sheetPdf: Uint8Array | null
  /** Where this app's submissions' files were when sent, by submission id. */
  submittedFiles: ReadonlyMap<string, readonly SubmittedFile[]>
  folder: string
  now: string
  appVersion: string
  job: SaveJob
}

export interface WorkfileManifest {
  orderNumber: string
  loanNumber: string
  client: string
  property: string
  createdAt: string
  app: string
  files: { path: string; what: string; bytes: number; sha256: string }[]
  notIncluded: string[]
}

/** Copies `from` to `to`, hashing as it goes; the copy's SHA-256. */
async function copyHashed(from: string, to: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      callback(null, chunk)
    }
  })
  await pipeline(createReadStream(from), hashing, createWriteStream(to, { mode: 0o600 }), { signal })
  return hash.digest('hex')
}

export async function saveWorkfile(input: WorkfileInput): Promise<WorkfileManifest> {
  const { order, folder, job } = input
  const exists = await stat(folder).then(
    () => true,
    () => false
  )
  if (exists) throw new AppError('validation', `${basename(folder)} already exists. Choose another name or folder.`)
  const building = join(dirname(folder), `.${basename(folder)}.${randomBytes(6).toString('hex')}.part`)
  const files: WorkfileManifest['files'] = []
  const notIncluded: string[] = []
  const submitted = order.submissions.filter((s) => s.status === 'submitted')
  const reportFiles = submitted.flatMap((s) => s.files.map((f) => ({ submission: s, file: f })))
  const total = 3 + order.documents.length + reportFiles.length + 1
  let done = 0
  const step = (what: string) => {
    job.checkpoint()
    job.progress(done, total, 'files', what)
  }
  /** Into the manifest, hashed as a stream (a report or a shared document may be hundreds of MB). */
  const keep = async (path: string, what: string, sha256?: string) => {
    const at = join(building, path)
    files.push({ path, what, bytes: (await stat(at)).size, sha256: sha256 ?? (await sha256File(at)) })
    done++
  }
  try {
    await mkdir(join(building, 'documents'), { recursive: true, mode: 0o700 })
    step('The order sheet')
    if (input.sheetPdf) {
      await writeFileAtomic(join(building, 'order-sheet.pdf'), input.sheetPdf)
      await keep('order-sheet.pdf', 'The order sheet (PDF)')
    } else {
      notIncluded.push('The order sheet PDF: this window cannot print. Use Print order sheet… to save one.')
      done++
    }
    step('The history')
    await writeFileAtomic(join(building, 'history.csv'), historyCsv(order))
    await keep('history.csv', 'The order’s vendor-visible history, oldest first')
    await writeFileAtomic(join(building, 'submissions.csv'), submissionsCsv(order))
    await keep('submissions.csv', 'Every report version submitted, file by file')
    await includeReportFiles(input, building, reportFiles, { step, keep, skip: (why) => {
        notIncluded.push(why)
        done++
      }
    })
    const used = new Set<string>()
    for (const doc of order.documents) {
      step(`Downloading ${doc.name}`)
      let name = safeFileName(doc.name, 'document') as string
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${n} ${safeFileName(doc.name, 'document')}`
      used.add(name.toLowerCase())
      await streamDocumentTo(input.auth, order, doc, join(building, 'documents', name), job.signal)
      await keep(`documents/${name}`, `Shared by the client on ${doc.sharedAt.slice(0, 10)}`)
    }
    step('The manifest')
    const manifest: WorkfileManifest = {
      orderNumber: order.orderNumber,
      loanNumber: order.loanNumber,
      client: order.clientName,
      property: `${order.address.line1}, ${order.address.city}, ${order.address.state} ${order.address.zip}`,
      createdAt: input.now,
      app: `OmniValVMS Desktop ${input.appVersion}`,
      files,
      notIncluded
    }
    await writeFileAtomic(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    job.checkpoint()
    await rename(building, folder)
    job.progress(total, total, 'files', 'Saved')
    return manifest
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    throw error
  }
}

type ReportFile = { submission: OrderDetail['submissions'][number]; file: OrderDetail['submissions'][number]['files'][number] }

/**
 * Each submitted report file this app sent, copied from where it was and checked against the
 * SHA-256 the platform recorded (or its size, where the platform recorded none). Anything else is
 * named in the manifest: the platform documents no download of a submission's files.
 */
async function includeReportFiles(
  input: WorkfileInput,
  building: string,
  reportFiles: readonly ReportFile[],
  progress: { step(what: string): void; keep(path: string, what: string, sha256: string): Promise<void>; skip(why: string): void }
): Promise<void> {
  if (reportFiles.length === 0) return
  const { order } = input
  const params = { clientId: order.clientId, loanId: order.loanId, orderId: order.orderId }
  const recorded = (await input.auth.call('listSubmissions', { params, signal: input.job.signal })).items
  for (const { submission, file } of reportFiles) {
    const label = `Report version ${submission.version}, ${file.name}`
    progress.step(`Copying ${label}`)
    const local = input.submittedFiles.get(submission.id)?.find((f) => f.name === file.name && f.size === file.size)
    if (!local) {
      progress.skip(`${label}: not submitted from this app on this computer; keep your copy with this folder.`)
      continue
    }
    await mkdir(join(building, 'reports', `v${submission.version}`), { recursive: true, mode: 0o700 })
    const path = `reports/v${submission.version}/${safeFileName(file.name, 'report')}`
    const expected = recorded.find((s) => s.id === submission.id)?.files.find((f) => f.name === file.name)?.sha256 ?? null
    const copied = await copyHashed(local.path, join(building, path), input.job.signal).then(
      async (sha256) => ({ sha256, size: (await stat(join(building, path))).size }),
      (error: unknown) => {
        if (input.job.signal.aborted) throw error
        return null
      }
    )
    const same = copied !== null && (expected ? copied.sha256 === expected : copied.size === file.size)
    if (!same) {
      await rm(join(building, path), { force: true })
      progress.skip(copied === null ? `${label}: ${local.path} can no longer be read (moved or deleted).` : `${label}: ${local.path} has changed since it was submitted.`)
      continue
    }
    await progress.keep(path, `Report version ${submission.version} as submitted${submission.submittedAt ? ` on ${submission.submittedAt.slice(0, 10)}` : ''}${expected ? ' (SHA-256 matches the platform’s)' : ''}`, copied.sha256)
  }
}
