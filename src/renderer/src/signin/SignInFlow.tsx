import { useState } from 'react'
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
          {...shared}
          onDone={(message) => {
            setNotice(message)
            setMode('signIn')
          }}
        />
      )}
    </main>
  )
}
