/** The sign-in form: environment, e-mail, password, keep me signed in, and why a sign-in failed. */
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api, BridgeError, messageOf, unwrap } from '../lib/bridge'
import { EnvironmentFields, choiceFrom, customUrlProblem, type EnvironmentDraft } from './EnvironmentFields'
import { StorageNotice } from './StorageNotice'

export function SignInForm(props: {
  environment: EnvironmentDraft
  onEnvironmentChange(next: EnvironmentDraft): void
  email: string
  onEmailChange(next: string): void
  notice: string | null
  onForgotPassword(): void
}) {
  const [password, setPassword] = useState('')
  const [keepSignedIn, setKeepSignedIn] = useState(true)
  const [urlError, setUrlError] = useState<string | null>(null)
  const signIn = useMutation({
    mutationFn: () =>
      unwrap(api().signIn({ environment: choiceFrom(props.environment), email: props.email, password, keepSignedIn }))
  })
  const error = signIn.error
  const credentialsWrong = error instanceof BridgeError && error.code === 'invalid_credentials'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = customUrlProblem(props.environment)
    setUrlError(problem)
    if (!problem) signIn.mutate()
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
      <h1 id="signin-title">Sign in to OmniValVMS</h1>
      {props.notice && (
        <p className="banner banner-info" role="alert">
          {props.notice}
        </p>
      )}
      <EnvironmentFields value={props.environment} onChange={props.onEnvironmentChange} error={urlError} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" required value={props.email} onChange={(e) => props.onEmailChange(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={credentialsWrong || undefined}
          aria-describedby={credentialsWrong ? 'signin-error' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={keepSignedIn} onChange={(e) => setKeepSignedIn(e.target.checked)} />
        Keep me signed in
      </label>
      <StorageNotice keepSignedIn={keepSignedIn} />
      {error && (
        <p id="signin-error" className="form-error" role="alert">
          {messageOf(error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={signIn.isPending || props.email.trim() === '' || password === ''}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <button type="button" className="link" onClick={props.onForgotPassword}>
        Forgot password?
      </button>
    </form>
  )
}
