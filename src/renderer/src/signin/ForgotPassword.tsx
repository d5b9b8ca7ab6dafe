/** "Forgot password?": ask for a reset code, then set a new password with it. */
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api, messageOf, unwrap } from '../lib/bridge'
import { EnvironmentFields, choiceFrom, customUrlProblem, type EnvironmentDraft } from './EnvironmentFields'

/** Request a reset code by e-mail, then set a new password with it. */
export function ForgotPassword(props: {
  environment: EnvironmentDraft
  onEnvironmentChange(next: EnvironmentDraft): void
  email: string
  onEmailChange(next: string): void
  onDone(message: string | null): void
  /** From a reset link: the code is known, the form to set the password shows at once. */
  initialCode?: string | null
}) {
  const [code, setCode] = useState(props.initialCode ?? '')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  const request = useMutation({
    mutationFn: () => unwrap(api().requestPasswordReset({ environment: choiceFrom(props.environment), email: props.email }))
  })
  const reset = useMutation({
    mutationFn: () =>
      unwrap(api().resetPassword({ environment: choiceFrom(props.environment), email: props.email, code, newPassword: password })),
    onSuccess: () => props.onDone('Your password was changed. Sign in with your new password.')
  })

  const sendCode = (event: FormEvent) => {
    event.preventDefault()
    const problem = customUrlProblem(props.environment)
    setLocalError(problem)
    if (!problem) request.mutate()
  }
  const submitReset = (event: FormEvent) => {
    event.preventDefault()
    if (password.length < 8) return setLocalError('Use at least 8 characters for the new password.')
    if (password !== confirm) return setLocalError("The two passwords don't match.")
    setLocalError(null)
    reset.mutate()
  }

  const codeSent = request.isSuccess || Boolean(props.initialCode)
  return (
    <div className="card" aria-labelledby="reset-title" role="region">
      <h1 id="reset-title">Reset your password</h1>
      <form onSubmit={sendCode} noValidate>
        <EnvironmentFields value={props.environment} onChange={props.onEnvironmentChange} error={codeSent ? null : localError} />
        <div className="field">
          <label htmlFor="reset-email">Email</label>
          <input id="reset-email" type="email" autoComplete="username" value={props.email} onChange={(e) => props.onEmailChange(e.target.value)} />
        </div>
        {request.error && (
          <p className="form-error" role="alert">
            {messageOf(request.error)}
          </p>
        )}
        {codeSent && (
          <p className="banner banner-info" role="status">
            {request.data?.message ?? 'Your reset code is filled in from the link. Choose a new password.'}
          </p>
        )}
        <button type="submit" className={codeSent ? 'secondary' : 'primary'} disabled={request.isPending || props.email.trim() === ''}>
          {request.isPending ? 'Sending…' : codeSent ? 'Send a new code' : 'Send reset code'}
        </button>
      </form>
      {codeSent && (
        <form onSubmit={submitReset} noValidate>
          <div className="field">
            <label htmlFor="reset-code">Reset code</label>
            <input id="reset-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="new-password">New password</label>
            <input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="confirm-password">Confirm new password</label>
            <input id="confirm-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </div>
          {(localError ?? reset.error) && (
            <p className="form-error" role="alert">
              {localError ?? messageOf(reset.error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={reset.isPending || code.trim() === ''}>
            {reset.isPending ? 'Resetting…' : 'Reset password'}
          </button>
        </form>
      )}
      <button type="button" className="link" onClick={() => props.onDone(null)}>
        Back to sign in
      </button>
    </div>
  )
}
