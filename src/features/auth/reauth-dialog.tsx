import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { type ComponentType, lazy, Suspense, useEffect, useRef, useSyncExternalStore } from 'react'
import { getEmSession, subscribeEmSession } from '@/em/session-token.ts'
import { closeReauth, useReauthOpen } from './reauth-store.ts'
import type { SignInFormProps } from './sign-in-form.tsx'
import './sign-in.css'

// The form's code (and TanStack Query's mutation hooks with it) is not part of every page load: a session ends long
// after the first screen (issue 18, initial JS). It is fetched once the page is idle, so the dialog does not wait on
// the network when it opens; a page whose chunk went away with a new deploy says to reload instead of going blank.
let formModule: Promise<{ default: ComponentType<SignInFormProps> }> | undefined

/** The form's module, fetched once; a failed fetch is tried again by the next caller. */
export function loadSignInForm(): Promise<{ default: ComponentType<SignInFormProps> }> {
  formModule ??= import('./sign-in-form.tsx').then(
    (module) => ({ default: module.SignInForm }),
    () => {
      formModule = undefined
      return { default: ReloadToSignIn }
    },
  )
  return formModule
}

const SignInForm = lazy(loadSignInForm)

function ReloadToSignIn() {
  return (
    <p role="alert">
      The sign-in form could not be loaded (the dashboard may have been updated).{' '}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>{' '}
      to sign in again; the address keeps your filters, sort and page.
    </p>
  )
}

// Safari has no requestIdleCallback; a few seconds after the first screen is idle enough there.
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 10_000 })
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(task, 3000)
  return () => clearTimeout(timer)
}

/**
 * Asks for the password again over the current screen when EM says the session ended; the URL is untouched.
 * It renews a session this tab has: signed out (or never signed in) there is none, and the sign-in page is the
 * place to sign in, so the dialog never shows there.
 */
export function ReauthDialog() {
  const session = useSyncExternalStore(subscribeEmSession, getEmSession, () => null)
  const open = useReauthOpen() && session !== null
  const queryClient = useQueryClient()
  const router = useRouter()
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => whenIdle(() => void loadSignInForm()), [])

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  function signedIn() {
    closeReauth()
    // Failed and visible queries run again with the new token; data on screen stays while they do.
    void queryClient.invalidateQueries()
    // A route whose loader failed with the 401 (a session opened by Next, a deep link) loads again, too.
    void router.invalidate()
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="reauth-title"
      // Escape would leave a screen whose queries all fail; the dialog stays until the user signs in.
      onCancel={(event) => event.preventDefault()}
    >
      {open ? (
        <div className="sign-in">
          <h2 id="reauth-title">Your Enterprise Manager session ended</h2>
          <p className="sign-in__target">
            Sign in again to continue. Filters, sort and page stay as they are.
          </p>
          <Suspense fallback={<p aria-busy="true">Loading the sign-in form…</p>}>
            <SignInForm onSignedIn={signedIn} userName={session?.userName} />
          </Suspense>
        </div>
      ) : null}
    </dialog>
  )
}
