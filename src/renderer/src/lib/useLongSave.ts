/** A save main runs for a while (an export, a workfile): its progress as main tells it, and a way to cancel it. */
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import type { SaveProgress } from '../../../shared/ipc/order-schemas'
import type { Result } from '../../../shared/ipc/result'
import { api, unwrap } from './bridge'

export function useLongSave<T>(run: (saveId: string) => Promise<Result<T>>) {
  const running = useRef<string | null>(null)
  const [progress, setProgress] = useState<SaveProgress | null>(null)
  useEffect(
    () =>
      api().onSaveProgress((p) => {
        if (p.saveId === running.current) setProgress(p)
      }),
    []
  )
  const save = useMutation({
    mutationFn: async () => {
      const saveId = `save-${crypto.randomUUID()}`
      running.current = saveId
      setProgress(null)
      try {
        return await unwrap(run(saveId))
      } finally {
        running.current = null
        setProgress(null)
      }
    }
  })
  const cancel = () => {
    if (running.current) void api().cancelSave({ saveId: running.current })
  }
  return { save, progress, cancel }
}
