import { SignInForm } from './sign-in-form.tsx'

/** The full-page sign-in, shown to visitors without an EM session. */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to replica sessions</h1>
      <SignInForm onSignedIn={onSignedIn} />
    </main>
  )
}
