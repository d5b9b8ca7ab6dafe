import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../lib/bridge'

/** Tells how a kept session will be protected, and asks when only weak storage exists. */
export function StorageNotice({ keepSignedIn }: { keepSignedIn: boolean }) {
  const queryClient = useQueryClient()
  const protection = useQuery({ queryKey: ['storage-protection'], queryFn: () => unwrap(api().getStorageProtection()) })
  const choose = useMutation({
    mutationFn: (choice: 'memory' | 'weak') => unwrap(api().setWeakStorageChoice({ choice })),
    onSuccess: (next) => queryClient.setQueryData(['storage-protection'], next)
  })
  const p = protection.data
  if (!keepSignedIn) return <p className="notice">You'll be signed out when you quit the app.</p>
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
    <fieldset className="notice notice-warn" data-testid="storage-notice">
      <legend>Your system keychain isn't available</legend>
      <p>
        This computer can only store your sign-in with weak protection ({p.backend}): another program running as you could read it.
      </p>
      <label className="radio">
        <input type="radio" name="weak-storage" checked={p.weakStorageChoice !== 'weak'} onChange={() => choose.mutate('memory')} />
        Keep me signed in only while the app is open (recommended)
      </label>
      <label className="radio">
        <input type="radio" name="weak-storage" checked={p.weakStorageChoice === 'weak'} onChange={() => choose.mutate('weak')} />
        Keep me signed in on this computer with weak protection
      </label>
    </fieldset>
  )
}
