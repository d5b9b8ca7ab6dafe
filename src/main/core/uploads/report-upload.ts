/** Delivering a report: one versioned submission, each file streamed with progress, then submitted. */
import { open as openFile, type FileHandle } from 'node:fs/promises'
import type { OrderDetail, OrderRef, UploadProgress } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import { toAppError } from '../platform/to-app-error'
import type { InboxService } from '../orders/inbox-service'
import { performReconciledWrite } from '../orders/reconciled-write'
import type { Logger } from '../ports'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import type { PickedFiles } from './picked-files'
import type { SubmittedReportFiles } from '../orders/submitted-report-files'
import { sha256File } from '../primitives/sha256-file'
import { preflight, type LocalFile } from './preflight'

const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', xml: 'application/xml' }
const contentTypeOf = (name: string) => CONTENT_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
const PROGRESS_INTERVAL_MS = 100

const CHUNK_BYTES = 1024 * 1024

/**
 * Reads a file from disk in 1 MiB chunks straight into a web stream (no Node-stream adapters in
 * between), counting bytes as they go out: memory stays flat and the copy costs one pass.
 */
function streamFromDisk(path: string, onBytes: (n: number) => void): ReadableStream<Uint8Array> {
  let handle: FileHandle | null = null
  const close = async () => {
    const open = handle
    handle = null
    await open?.close()
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        handle ??= await openFile(path, 'r')
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
        const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null)
        if (bytesRead === 0) {
          await close()
          controller.close()
          return
        }
        onBytes(bytesRead)
        controller.enqueue(bytesRead === CHUNK_BYTES ? chunk : chunk.subarray(0, bytesRead))
      } catch (error) {
        await close().catch(() => undefined)
        controller.error(error)
      }
    },
    cancel: () => close()
  })
}

/** Delivers a report: checks, one versioned submission, each file streamed, then submitted. */
export class ReportUploads {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly auth: AuthorizedPlatform,
    private readonly inbox: InboxService,
    private readonly picked: PickedFiles,
    /** Where each submitted file was: a workfile includes the very files. */
    private readonly submitted: SubmittedReportFiles,
    /** The per-file limit now (a setting). */
    private readonly maxBytes: () => number,
    private readonly emit: (progress: UploadProgress) => void,
    private readonly logger: Logger
  ) {}

  async upload(ref: OrderRef, uploadId: string, fileIds: string[]): Promise<{ order: OrderDetail; confirmedFromHistory: boolean }> {
    if (this.running.has(uploadId)) throw new AppError('invalid_input', 'This upload is already running.')
    const controller = new AbortController()
    this.running.set(uploadId, controller)
    try {
      return await this.deliver(ref, uploadId, await this.picked.resolve(fileIds), controller.signal)
    } catch (error) {
      if (controller.signal.aborted) throw new AppError('cancelled', 'Upload cancelled. Nothing was submitted.')
      throw toAppError(error)
    } finally {
      this.running.delete(uploadId)
    }
  }

  /** True while any upload runs: a restart now would lose it. */
  get busy(): boolean {
    return this.running.size > 0
  }

  cancel(uploadId: string): void {
    this.running.get(uploadId)?.abort()
  }

  /** The session ends: every upload it started stops, and nothing is submitted. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }

  private async deliver(ref: OrderRef, uploadId: string, files: LocalFile[], signal: AbortSignal) {
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0)
    const progress = (phase: UploadProgress['phase'], fileName: string | null, sentBytes: number) =>
      this.emit({ uploadId, phase, fileName, sentBytes, totalBytes })
    progress('preparing', null, 0)

    const problems = (await preflight(files, this.maxBytes())).flatMap((f) => f.checks.filter((c) => c.level === 'error').map((c) => c.message))
    if (problems.length > 0) throw new AppError('preflight_failed', problems.join(' '))

    const auth = this.auth
    const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
    const manifest = files.map((f) => ({ name: f.name, size: f.size, contentType: contentTypeOf(f.name) }))
    const submissions = async () => (await auth.call('listSubmissions', { params })).items
    const matchesManifest = (s: Awaited<ReturnType<typeof submissions>>[number]) =>
      s.status === 'draft' &&
      s.files.length === manifest.length &&
      manifest.every((m) => s.files.some((f) => f.name === m.name && f.size === m.size))

    // A draft left by an earlier attempt with the same files is resumed: its finished files are skipped.
    const leftover = (await submissions()).filter(matchesManifest).sort((a, b) => b.version - a.version)[0]
    const submission =
      leftover ??
      (
        await performReconciledWrite(
          {
            describe: `create submission for ${ref.orderId}`,
            baseline: async () => new Set((await submissions()).map((s) => s.id)),
            send: () => auth.call('createSubmission', { params, body: { files: manifest } }),
            findApplied: async (before) => (await submissions()).find((s) => !before.has(s.id) && matchesManifest(s)) ?? null
          },
          this.logger
        )
      ).result

    let done = 0
    for (const file of files) {
      const target = submission.files.find((f) => f.name === file.name && f.size === file.size)
      if (!target) throw new AppError('bad_response', 'OmniValVMS did not list one of the files of this submission.')
      // A file a resumed draft already holds is skipped only if it is still the same bytes.
      if (target.uploaded && target.sha256 && target.sha256 === (await sha256File(file.path))) {
        done += file.size
        continue
      }
      let sentOfFile = 0
      let lastEmit = 0
      await auth.call('uploadSubmissionFile', {
        params: { ...params, submissionId: submission.id, fileId: target.id },
        signal,
        rawBody: {
          length: file.size,
          contentType: contentTypeOf(file.name),
          open: () => {
            sentOfFile = 0
            return streamFromDisk(file.path, (n) => {
              sentOfFile += n
              const now = Date.now()
              if (now - lastEmit >= PROGRESS_INTERVAL_MS || sentOfFile === file.size) {
                lastEmit = now
                progress('uploading', file.name, done + sentOfFile)
              }
            })
          }
        }
      })
      done += file.size
    }

    progress('submitting', null, totalBytes)
    const { confirmedFromHistory } = await performReconciledWrite(
      {
        describe: `submit ${submission.id}`,
        baseline: async () => null,
        send: async () => {
          await auth.call('submitSubmission', { params: { ...params, submissionId: submission.id } })
          return true
        },
        findApplied: async () => ((await submissions()).find((s) => s.id === submission.id)?.status === 'submitted' ? true : null)
      },
      this.logger
    )
    await this.submitted.record(ref, submission.id, files).catch(() => this.logger.warn('where the submitted files are could not be kept', { orderId: ref.orderId }))
    progress('done', null, totalBytes)
    this.logger.info('report delivered', { orderId: ref.orderId, version: submission.version, files: files.length, bytes: totalBytes })
    return { order: await this.inbox.get(ref), confirmedFromHistory }
  }
}
