import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { OrderRef } from '../../../shared/ipc/order-schemas'
import { AppError } from '../errors'
import { toAppError } from '../platform/to-app-error'
import type { FileDialogs } from '../ports'
import type { AuthSession } from '../session/auth-session'

/** Saves a document the client shared, streamed to disk; a failed download leaves no partial file. */
export async function downloadDocument(auth: AuthSession, dialogs: FileDialogs, ref: OrderRef, documentId: string): Promise<{ savedTo: string } | null> {
  const params = { clientId: ref.clientId, loanId: ref.loanId, orderId: ref.orderId }
  try {
    const doc = (await auth.call('listDocuments', { params })).items.find((d) => d.id === documentId)
    if (!doc) throw new AppError('not_found', 'This document is no longer shared with you.')
    const target = await dialogs.saveFile({ title: 'Save document', defaultName: doc.name })
    if (!target) return null
    const response = await auth.open('downloadDocument', { params: { ...params, documentId } })
    if (!response.body) throw new AppError('bad_response', 'OmniValVMS sent an empty document.')
    const partial = `${target}.part`
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partial))
      await rename(partial, target)
    } catch (error) {
      await rm(partial, { force: true })
      throw error instanceof AppError ? error : new AppError('offline', `The download of ${doc.name} was interrupted. Try again.`)
    }
    return { savedTo: target }
  } catch (error) {
    throw toAppError(error)
  }
}
