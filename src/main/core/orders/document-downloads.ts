/** Saving a document the client shared, streamed to disk and capped at its listed size. */
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import { toAppError } from '../platform/to-app-error'
import type { FileDialogs } from '../ports'
import type { AuthorizedPlatform } from '../platform/authorized-platform'
import { safeFileName } from '../primitives/safe-file-name'

/** Saves a document the client shared, streamed to disk; a failed download leaves no partial file. */
export async function downloadDocument(auth: AuthorizedPlatform, dialogs: FileDialogs, ref: OrderRef, documentId: string): Promise<{ savedTo: string } | null> {
  const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
  try {
    const doc = (await auth.call('listDocuments', { params })).items.find((d) => d.id === documentId)
    if (!doc) throw new AppError('not_found', 'This document is no longer shared with you.')
    // The platform allows any string as a name: `../../.config/autostart/x.desktop` is only x.desktop here.
    const target = await dialogs.saveFile({ title: 'Save document', defaultName: safeFileName(doc.name, 'document') })
    if (!target) return null
    await streamDocumentTo(auth, ref, doc, target)
    return { savedTo: target }
  } catch (error) {
    throw toAppError(error)
  }
}

/** One shared document streamed to `target`: capped at its listed size (+1 %), whole or not at all. */
export async function streamDocumentTo(auth: AuthorizedPlatform, ref: OrderRef, doc: { id: string; name: string; size: number }, target: string, signal: AbortSignal = new AbortController().signal): Promise<void> {
  const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
  const documentId = doc.id
  const response = await auth.open('downloadDocument', { params: { ...params, documentId }, signal })
  if (!response.body) throw new AppError('bad_response', 'OmniValVMS sent an empty document.')
  // No more than the document list said (+1 %): a server cannot fill the disk through this.
  const limit = Math.ceil(doc.size * 1.01)
  const tooLarge = () => new AppError('bad_response', `OmniValVMS sent more than ${doc.name}'s listed size; the download was stopped and nothing was saved.`)
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body.cancel().catch(() => undefined)
    throw tooLarge()
  }
  let received = 0
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      callback(received > limit ? tooLarge() : null, chunk)
    }
  })
  const partial = `${target}.part`
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), capped, createWriteStream(partial, { mode: 0o600 }), { signal })
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    if (signal.aborted) throw new AppError('cancelled', 'The download was cancelled; nothing was saved.')
    throw error instanceof AppError ? error : new AppError('offline', `The download of ${doc.name} was interrupted. Try again.`)
  }
}
