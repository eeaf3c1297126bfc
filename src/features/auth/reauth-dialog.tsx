import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { getEmSession, subscribeEmSession } from '@/em/session-token.ts'
import { closeReauth, useReauthOpen } from './reauth-store.ts'
import { SignInForm } from './sign-in-form.tsx'

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
          <SignInForm onSignedIn={signedIn} userName={session?.userName} />
        </div>
      ) : null}
    </dialog>
  )
}
