/**
 * Where the report files were on this computer when this app submitted them, by submission: so a
 * workfile can include the very files, checked against the SHA-256 the platform recorded. The paths
 * name the user's folders, so this is the session's personal data (its files: encrypted on disk or
 * in memory only), removed at sign-out like the rest.
 */
import { z } from 'zod'
import { orderKey, type OrderRef } from '../../../shared/ipc/order-schemas'
import type { SessionFiles } from '../storage/session-files'
import { serialQueue } from '../storage/serial'

const SubmittedFileSchema = z.object({ name: z.string(), size: z.number(), path: z.string() })
export type SubmittedFile = z.infer<typeof SubmittedFileSchema>
const FileSchema = z.object({
  entries: z.array(z.object({ order: z.string(), submissionId: z.string(), files: z.array(SubmittedFileSchema) }))
})
type Entries = z.infer<typeof FileSchema>['entries']
const FILE = 'submitted-files.json'
/** Submissions remembered; the oldest give way beyond this (years of work for one appraiser). */
const MAX_SUBMISSIONS = 5000

export class SubmittedReportFiles {
  private readonly serial = serialQueue()

  constructor(private readonly files: SessionFiles) {}

  record(ref: OrderRef, submissionId: string, files: readonly SubmittedFile[]): Promise<void> {
    return this.serial(async () => {
      const entries = (await this.all()).filter((e) => e.submissionId !== submissionId)
      entries.push({ order: orderKey(ref), submissionId, files: files.map(({ name, size, path }) => ({ name, size, path })) })
      await this.files.write(FILE, { entries: entries.slice(-MAX_SUBMISSIONS) })
    })
  }

  /** This order's submissions sent from this app: submission id → its files where they were. */
  async of(ref: OrderRef): Promise<Map<string, SubmittedFile[]>> {
    const key = orderKey(ref)
    return new Map((await this.all()).filter((e) => e.order === key).map((e) => [e.submissionId, e.files]))
  }

  private async all(): Promise<Entries> {
    return (await this.files.read(FILE, FileSchema))?.entries ?? []
  }
}
