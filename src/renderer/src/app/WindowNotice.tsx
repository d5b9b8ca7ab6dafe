/** A notice main kept for this window (after a crash, a link, an action not sent), shown once. */
import { useEffect, useState } from 'react'
import { api, unwrap } from '../lib/bridge'

/** A message main has for the user: kept for this window (it was reopened after a crash), or sent now (a link). */
export function WindowNotice() {
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    unwrap(api().takeWindowNotice())
      .then((initial) => setNotice((current) => current ?? initial))
      .catch(() => undefined)
    return api().onAppNotice((text) => setNotice(text))
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
