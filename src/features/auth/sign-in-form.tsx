import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId } from 'react'
import { dashboardConfigQuery } from '@/config/dashboard-config.ts'
import { signIn } from './sign-in.ts'
import { describeSignInError } from './sign-in-errors.ts'
import './sign-in.css'

export interface SignInFormProps {
  onSignedIn: () => void
  /** The user to prefill when signing in again after expiry. */
  userName?: string
  autoFocus?: boolean
}

/** User name and password against the EM the proxy targets; the password lives only in this form's DOM. */
export function SignInForm({ onSignedIn, userName, autoFocus = true }: SignInFormProps) {
  const id = useId()
  const config = useQuery(dashboardConfigQuery)
  const emHost = config.data?.emHost ?? 'Enterprise Manager'
  const mutation = useMutation({
    mutationFn: ({ user, password }: { user: string; password: string }) => signIn(user, password),
    onSuccess: onSignedIn,
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const user = String(data.get('user') ?? '')
    const password = String(data.get('password') ?? '')
    // DOMAIN\user and user@domain are passed exactly as typed (em-api.md §3).
    mutation.mutate({ user, password })
  }

  const errorId = `${id}-error`
  return (
    <form
      className="sign-in__form"
      onSubmit={submit}
      aria-describedby={mutation.isError ? errorId : undefined}
    >
      <p className="sign-in__target">
        Enterprise Manager: <strong>{emHost}</strong>
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-user`}>
          User name
        </label>
        <input
          className="input"
          id={`${id}-user`}
          name="user"
          autoComplete="username"
          required
          defaultValue={userName}
          // biome-ignore lint/a11y/noAutofocus: the sign-in screen has one job; focus starts where the user types.
          autoFocus={autoFocus && !userName}
          placeholder="DOMAIN\user or user@domain"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-password`}>
          Password
        </label>
        <input
          className="input"
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          // biome-ignore lint/a11y/noAutofocus: after expiry the user name is known, so the password is next.
          autoFocus={autoFocus && Boolean(userName)}
        />
      </div>
      {mutation.isError ? (
        <p className="field__error" id={errorId} role="alert">
          {describeSignInError(mutation.error, emHost)}
        </p>
      ) : null}
      <button className="button button--primary" type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      {config.data?.emulator ? (
        <p className="sign-in__demo">
          Demo: this dashboard talks to the embedded EM emulator. Sign in as <code>admin</code> with password{' '}
          <code>admin</code>.
        </p>
      ) : null}
    </form>
  )
}
