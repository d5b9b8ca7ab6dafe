/** The signed-out screens: sign-in, and password recovery (also from a reset link). */
import { useEffect, useState } from 'react'
import { api } from '../lib/bridge'
import type { SessionState } from '../../../shared/ipc/session-schemas'
import { ForgotPassword } from './ForgotPassword'
import { SignInForm } from './SignInForm'
import { draftFrom } from './EnvironmentFields'

type SignedOut = Extract<SessionState, { status: 'signedOut' }>

export function SignInFlow({ state }: { state: SignedOut }) {
  const [mode, setMode] = useState<'signIn' | 'forgot'>('signIn')
  const [environment, setEnvironment] = useState(() => draftFrom(state.lastEnvironment))
  const [email, setEmail] = useState(state.lastEmail ?? '')
  const [notice, setNotice] = useState<string | null>(null)
  const [resetCode, setResetCode] = useState<string | null>(null)
  // A password-reset link from the e-mail: the reset form, filled in.
  useEffect(
    () =>
      api().onOpenResetPassword(({ email: linkEmail, code }) => {
        setEmail(linkEmail)
        setResetCode(code)
        setMode('forgot')
      }),
    []
  )
  const shared = { environment, onEnvironmentChange: setEnvironment, email, onEmailChange: setEmail }
  return (
    <main className="center-screen signin-screen">
      <div className="brand" aria-hidden="true">
        OmniValVMS <span>Desktop</span>
      </div>
      {mode === 'signIn' ? (
        <SignInForm {...shared} notice={notice ?? state.message} onForgotPassword={() => setMode('forgot')} />
      ) : (
        <ForgotPassword
          key={resetCode ?? 'request'}
          initialCode={resetCode}
          {...shared}
          onDone={(message) => {
            setNotice(message)
            setResetCode(null)
            setMode('signIn')
          }}
        />
      )}
    </main>
  )
}
