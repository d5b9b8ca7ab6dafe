/**
 * The workfile USPAP's record-keeping rule asks an appraiser to keep (five years): one folder per
 * order with the order sheet (PDF), the vendor-visible history, every report version submitted, the
 * documents the client shared, and a manifest saying what each file is (with its SHA-256) and what
 * could not be included. Built in a temporary folder beside the target and renamed into place:
 * whole, or nothing.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { OrderDetail } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import { safeFileName } from '../primitives/safe-file-name'
import { writeFileAtomic } from '../storage/secure-file'
import { streamDocumentTo } from './document-downloads'
import { historyCsv, submissionsCsv } from './spreadsheet-exports'

export interface WorkfileInput {
  auth: AuthorizedPlatform
  order: OrderDetail
  /** The order sheet as PDF; null where the window cannot be printed (said in the manifest). */
  sheetPdf: Uint8Array | null
  folder: string
  now: string
  appVersion: string
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

export async function saveWorkfile(input: WorkfileInput): Promise<WorkfileManifest> {
  const { order, folder } = input
  const exists = await stat(folder).then(
    () => true,
    () => false
  )
  if (exists) throw new AppError('validation', `${basename(folder)} already exists. Choose another name or folder.`)
  const building = join(dirname(folder), `.${basename(folder)}.${randomBytes(6).toString('hex')}.part`)
  const files: WorkfileManifest['files'] = []
  const notIncluded: string[] = []
  const keep = async (path: string, what: string) => {
    const bytes = await readFile(join(building, path))
    files.push({ path, what, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
  }
  try {
    await mkdir(join(building, 'documents'), { recursive: true, mode: 0o700 })
    if (input.sheetPdf) {
      await writeFileAtomic(join(building, 'order-sheet.pdf'), input.sheetPdf)
      await keep('order-sheet.pdf', 'The order sheet (PDF)')
    } else notIncluded.push('The order sheet PDF: this window cannot print. Use Print order sheet… to save one.')
    await writeFileAtomic(join(building, 'history.csv'), historyCsv(order))
    await keep('history.csv', 'The order’s vendor-visible history, oldest first')
    await writeFileAtomic(join(building, 'submissions.csv'), submissionsCsv(order))
    await keep('submissions.csv', 'Every report version submitted, file by file')
    if (order.submissions.some((s) => s.files.length > 0)) notIncluded.push('The submitted report files themselves: OmniValVMS offers no download of them; keep the files you uploaded with this folder.')
    const used = new Set<string>()
    for (const doc of order.documents) {
      let name = safeFileName(doc.name, 'document') as string
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${n} ${safeFileName(doc.name, 'document')}`
      used.add(name.toLowerCase())
      await streamDocumentTo(input.auth, order, doc, join(building, 'documents', name))
      await keep(`documents/${name}`, `Shared by the client on ${doc.sharedAt.slice(0, 10)}`)
      }
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
    await rename(building, folder)
    return manifest
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    throw error
  }
}
