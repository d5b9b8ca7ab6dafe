/**
 * Form text kept in main until it is sent or discarded: it survives closing the dialog, a forced
 * sign-in and a restart of the app. Saves are debounced. Without a key it is plain form state.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, unwrap } from '../lib/bridge'

type Fields = Record<string, string>

export function useDraft<T extends Fields>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(initial)
  const [loaded, setLoaded] = useState(key === null)
  const [restored, setRestored] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    if (key === null) return
    let live = true
    unwrap(api().getDraft({ key }))
      .then((saved) => {
        if (!live) return
        if (saved) {
          setValue((current) => ({ ...current, ...saved }))
          setRestored(true)
        }
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [key])

  const update = useCallback(
    (patch: Partial<T>) => {
      setValue((current) => {
        const next = { ...current, ...patch } as T
        if (key === null) return next
        if (timer.current) clearTimeout(timer.current)
        setSaved(false)
        timer.current = setTimeout(() => {
          void api()
            .saveDraft({ key, value: next })
            .then((result) => {
              setSaveError(result.ok ? null : `Not kept as a draft: ${result.error.message}`)
              setSaved(result.ok)
            })
        }, 300)
        return next
      })
    },
    [key]
  )

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    setValue(initial)
    setRestored(false)
    setSaved(false)
    if (key !== null) void api().discardDraft({ key })
  }, [key, initial])

  return { value, update, discard, loaded, restored, saveError, saved }
}
