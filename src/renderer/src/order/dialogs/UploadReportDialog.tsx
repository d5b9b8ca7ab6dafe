/** Upload a report: pick files, see their checks, send with progress and cancel. */
import { useEffect, useState } from 'react'
import type { OrderDetail, OrderRef, PickedFile, UploadProgress } from '../../../../shared/ipc/order-schemas'
import { formatBytes } from '../../../../shared/format-bytes'
import { api, BridgeError, messageOf, unwrap } from '../../lib/bridge'
import { Modal } from '../Modal'
import { FormError } from './DialogButtons'

const ICON = { ok: '✓', warning: '⚠', error: '✗' } as const
const TITLES = { first: 'Upload the report', revision: 'Upload the revised report', rov: 'Answer the reconsideration of value' } as const

/** Choose files in the native dialog, see the pre-flight checks, upload with progress, or cancel. */
export function UploadReportDialog(props: {
  orderRef: OrderRef
  /** What the report answers: the first delivery, a revision, or a reconsideration of value. */
  answering: 'first' | 'revision' | 'rov'
  onDone(order: OrderDetail, confirmedFromHistory: boolean): void
  onOrderChanged(error: unknown): boolean
  onClose(): void
}) {
  const [files, setFiles] = useState<PickedFile[]>([])
  const [picking, setPicking] = useState(false)
  const [uploadId, setUploadId] = useState<string | null>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(
    () =>
      api().onUploadProgress((p) => {
        if (p.uploadId === uploadId) setProgress(p)
      }),
    [uploadId]
  )

  const choose = async () => {
    setPicking(true)
    setError(null)
    try {
      const picked = await unwrap(api().pickReportFiles())
      if (picked.length > 0) setFiles(picked)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setPicking(false)
    }
  }

  const upload = async () => {
    const id = `up-${crypto.randomUUID()}`
    setUploadId(id)
    setError(null)
    setProgress({ uploadId: id, phase: 'preparing', fileName: null, sentBytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0) })
    try {
      const result = await unwrap(api().uploadReport({ ref: props.orderRef, uploadId: id, fileIds: files.map((f) => f.fileId) }))
      props.onDone(result.order, result.confirmedFromHistory)
    } catch (e) {
      setUploadId(null)
      setProgress(null)
      if (e instanceof BridgeError && props.onOrderChanged(e)) return props.onClose()
      setError(messageOf(e))
    }
  }

  const uploading = uploadId !== null
  const blocking = files.flatMap((f) => f.checks.filter((c) => c.level === 'error'))
  const percent = progress && progress.totalBytes > 0 ? Math.floor((progress.sentBytes / progress.totalBytes) * 100) : 0
  return (
    <Modal title={TITLES[props.answering]} onClose={props.onClose} busy={uploading}>
      <div className="dialog-form">
        <p className="muted">PDF and/or MISMO XML. Files are checked before anything is sent; each upload becomes a new version.</p>
        <button type="button" onClick={() => void choose()} disabled={picking || uploading}>
          {picking ? 'Choosing…' : files.length ? 'Choose other files…' : 'Choose files…'}
        </button>
        {files.length > 0 && (
          <ul className="picked-files" aria-label="Files to upload">
            {files.map((f) => (
              <li key={f.fileId}>
                <strong>{f.name}</strong> <span className="muted">{formatBytes(f.size)}</span>
                <ul>
                  {f.checks.map((c) => (
                    <li key={c.message} className={`check check-${c.level}`}>
                      <span aria-hidden="true">{ICON[c.level]} </span>
                      {c.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {blocking.length > 0 && <p className="form-error">Fix the problems marked ✗ before uploading.</p>}
        {progress && (
          <div className="upload-progress">
            <label htmlFor="upload-progress">
              {progress.phase === 'preparing' && 'Checking files…'}
              {progress.phase === 'uploading' && `Uploading ${progress.fileName ?? ''} — ${formatBytes(progress.sentBytes)} of ${formatBytes(progress.totalBytes)}`}
              {progress.phase === 'submitting' && 'Submitting…'}
              {progress.phase === 'done' && 'Submitted.'}
            </label>
            <progress id="upload-progress" max={100} value={percent} aria-valuetext={`${percent}%`} />
          </div>
        )}
        <FormError message={error} />
        <div className="dialog-buttons">
          {uploading ? (
            <button type="button" onClick={() => uploadId && void api().cancelUpload({ uploadId })}>
              Cancel upload
            </button>
          ) : (
            <button type="button" onClick={props.onClose}>
              Close
            </button>
          )}
          <button type="button" className="primary" disabled={files.length === 0 || blocking.length > 0 || uploading} onClick={() => void upload()}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
        </div>
      </div>
    </Modal>
  )
}
