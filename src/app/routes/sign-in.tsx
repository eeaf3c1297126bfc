import { createFileRoute, redirect, useRouter } from '@tanstack/react-router'
import { safeRedirect } from '@/app/safe-redirect.ts'
import { getEmSession } from '@/em/session-token.ts'
import { SignInScreen } from '@/features/auth/sign-in-screen.tsx'
import { lenient, v } from '@/lib/valibot.ts'

const searchSchema = v.object({ redirect: lenient(v.string()) })

export const Route = createFileRoute('/sign-in')({
  validateSearch: searchSchema,
  beforeLoad: ({ search }) => {
    if (getEmSession()) throw redirect({ href: safeRedirect(search.redirect) })
  },
  component: SignInRoute,
})

function SignInRoute() {
  const { redirect: target } = Route.useSearch()
  const router = useRouter()
  return <SignInScreen onSignedIn={() => router.history.replace(safeRedirect(target))} />
}
