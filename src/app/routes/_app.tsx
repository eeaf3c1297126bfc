import { createFileRoute, Outlet, redirect } from '@tanstack/react-router'
import { AppHeader } from '@/app/app-header.tsx'
import { ActionSlotProvider } from '@/components/action-slot.tsx'
import { getEmSession } from '@/em/session-token.ts'
import { JobActions } from '@/features/job-actions/job-actions.tsx'
import { FailureNotifier } from '@/features/sessions/new-since/failure-notifier.tsx'

// Every screen but sign-in needs an EM session; the requested URL comes back after sign-in.
export const Route = createFileRoute('/_app')({
  beforeLoad: ({ location }) => {
    if (!getEmSession()) throw redirect({ to: '/sign-in', search: { redirect: location.href } })
  },
  component: AppLayout,
})

function AppLayout() {
  return (
    <>
      <AppHeader />
      <main className="app-main" id="main">
        {/* The desk screens act on jobs; /wall lies outside this layout, so a wall never shows an action. */}
        <ActionSlotProvider value={JobActions}>
          <Outlet />
        </ActionSlotProvider>
      </main>
      {/* Signed-in desk screens only: the wall is not under this layout, so it never notifies. */}
      <FailureNotifier />
    </>
  )
}
