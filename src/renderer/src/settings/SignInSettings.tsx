/** Settings → Sign-in: where the session and its personal data are kept. */
import { useMutation } from '@tanstack/react-query'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { api, messageOf, unwrap } from '../lib/bridge'
import { WeakOfflineCopyChoice, useWeakStorageChoices } from '../signin/StorageNotice'
import { SettingCheckbox } from './SettingCheckbox'

type SignedIn = Extract<SessionState, { status: 'signedIn' }>

const KEPT: Record<SignedIn['persistence'], string> = {
  encrypted: 'Your sign-in is kept in the system keychain: the app opens signed in.',
  weak: 'Your sign-in is kept on disk with weak protection (this computer has no keychain), as you chose.',
  memory: "Your sign-in is kept in memory only: you'll sign in again the next time the app opens."
}

const ORDERS_KEPT: Record<SignedIn['personalData'], string> = {
  disk: 'Your orders, queued inspection updates and unsent form text are kept encrypted on this computer for working offline; signing out removes them.',
  memory: 'Your orders, queued inspection updates and unsent form text are kept in memory only, while the app is open.'
}

/** Settings → Sign-in: where the session and its personal data are kept (keychain, memory only, or weak where there is no keychain). */
export function SignInSettings({ session }: { session: SignedIn }) {
  const save = useMutation({ mutationFn: (keep: boolean) => unwrap(api().setKeepSignedIn({ keep })) })
  const { protection, choose } = useWeakStorageChoices()
  const kept = session.persistence !== 'memory'
  return (
    <section className="settings-section" aria-labelledby="settings-sign-in">
      <h3 id="settings-sign-in">Sign-in</h3>
      {/* While saving it shows the choice; if main refuses, it goes back to what is kept. */}
      <SettingCheckbox checked={save.isPending ? save.variables : kept} onChange={(keep) => save.mutate(keep)}>
        Keep me signed in on this computer
      </SettingCheckbox>
      <p className="muted small" role="status">
        {session.notice ?? KEPT[session.persistence]} {ORDERS_KEPT[session.personalData]}
      </p>
      {session.persistence === 'weak' && protection?.level === 'weak' && <WeakOfflineCopyChoice protection={protection} choose={choose} />}
      {save.error && (
        <p className="form-error" role="alert">
          {messageOf(save.error)}
        </p>
      )}
    </section>
  )
}
