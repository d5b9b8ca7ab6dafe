import { useEffect, useState } from 'react'
import { api, unwrap } from '../lib/bridge'

/** A message main kept for this window (e.g. it was reopened after its renderer stopped). */
export function WindowNotice() {
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    unwrap(api().takeWindowNotice())
      .then(setNotice)
      .catch(() => undefined)
  }, [])
  if (!notice) return null
  return (
    <div className="window-notice" role="status">
      <span>{notice}</span>
      <button type="button" className="link" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  )
}
