/** How a kept session will be protected, and the questions where only weak storage exists. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { StorageProtection } from '../../../shared/ipc/session-schemas'
import { api, unwrap } from '../lib/bridge'

type Subject = 'signIn' | 'offlineCopy'
export const STORAGE_PROTECTION_KEY = ['storage-protection'] as const

/** Asks (and saves) the user's answers where only weak storage exists: for the sign-in, and for the offline copy of orders. */
export function useWeakStorageChoices() {
  const queryClient = useQueryClient()
  const protection = useQuery({ queryKey: STORAGE_PROTECTION_KEY, queryFn: () => unwrap(api().getStorageProtection()) })
  // While an answer is being saved it shows at once (set in the click itself); if main refuses, it goes back.
  const [saving, setSaving] = useState<{ subject: Subject; choice: 'memory' | 'weak' } | null>(null)
  const choose = useMutation({
    mutationFn: ({ subject, choice }: { subject: Subject; choice: 'memory' | 'weak' }) => unwrap(api().setWeakStorageChoice({ subject, choice })),
    onSuccess: (next) => queryClient.setQueryData(STORAGE_PROTECTION_KEY, next),
    onSettled: () => setSaving(null)
  })
  const data = protection.data
  const shown = data && saving ? { ...data, [saving.subject === 'signIn' ? 'weakStorageChoice' : 'weakOfflineCopyChoice']: saving.choice } : data
  return {
    protection: shown,
    choose: (subject: Subject, choice: 'memory' | 'weak') => {
      setSaving({ subject, choice })
      choose.mutate({ subject, choice })
    }
  }
}

/** The offline copy holds borrower data: with weak storage it is kept on disk only if the user says so, in these words. */
export function WeakOfflineCopyChoice({ protection, choose }: { protection: StorageProtection; choose(subject: Subject, choice: 'memory' | 'weak'): void }) {
  return (
    <fieldset className="notice notice-warn" data-testid="offline-copy-notice">
      <legend>Your orders for working offline</legend>
      <p>
        The app can keep a copy of your orders on this computer so you can read them without a network. It includes borrower names, phone numbers and e-mail
        addresses, and would have the same weak protection as your sign-in.
      </p>
      <label className="radio">
        <input type="radio" name="weak-offline-copy" checked={protection.weakOfflineCopyChoice !== 'weak'} onChange={() => choose('offlineCopy', 'memory')} />
        Keep orders only while the app is open (recommended)
      </label>
      <label className="radio">
        <input type="radio" name="weak-offline-copy" checked={protection.weakOfflineCopyChoice === 'weak'} onChange={() => choose('offlineCopy', 'weak')} />
        Keep an offline copy with borrower data on this computer, with weak protection
      </label>
    </fieldset>
  )
}

/** Tells how a kept session will be protected, and asks when only weak storage exists. */
export function StorageNotice({ keepSignedIn }: { keepSignedIn: boolean }) {
  const { protection: p, choose } = useWeakStorageChoices()
  if (!keepSignedIn) return <p className="notice">You'll be signed out when you quit the app, and nothing about your orders is kept on this computer.</p>
  if (!p) return null
  if (p.level === 'encrypted') {
    return (
      <p className="notice notice-ok" data-testid="storage-notice">
        <span aria-hidden="true">🔒 </span>Kept encrypted by your system keychain.
      </p>
    )
  }
  if (p.level === 'unavailable') {
    return (
      <p className="notice notice-warn" data-testid="storage-notice">
        No system keychain is available, so you'll stay signed in only while the app is open.
      </p>
    )
  }
  return (
    <>
      <fieldset className="notice notice-warn" data-testid="storage-notice">
        <legend>Your system keychain isn't available</legend>
        <p>
          This computer can only store your sign-in with weak protection ({p.backend}): another program running as you could read it.
        </p>
        <label className="radio">
          <input type="radio" name="weak-storage" checked={p.weakStorageChoice !== 'weak'} onChange={() => choose('signIn', 'memory')} />
          Keep me signed in only while the app is open (recommended)
        </label>
        <label className="radio">
          <input type="radio" name="weak-storage" checked={p.weakStorageChoice === 'weak'} onChange={() => choose('signIn', 'weak')} />
          Keep me signed in on this computer with weak protection
        </label>
      </fieldset>
      {p.weakStorageChoice === 'weak' && <WeakOfflineCopyChoice protection={p} choose={choose} />}
    </>
  )
}
