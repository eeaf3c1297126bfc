import { createRootRouteWithContext, Outlet } from '@tanstack/react-router'
import { RouteError } from '@/app/route-error.tsx'
import type { RouterContext } from '@/app/router.tsx'
import { useApplyTheme } from '@/app/use-theme.ts'
import { EmptyState } from '@/components/empty-state.tsx'
import { ReauthDialog } from '@/features/auth/reauth-dialog.tsx'

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
  errorComponent: RouteError,
  notFoundComponent: () => (
    <main className="app-main">
      <EmptyState title="No such page">
        <a href="/sessions">Go to replica sessions</a>
      </EmptyState>
    </main>
  ),
})

function Root() {
  useApplyTheme()
  return (
    <>
      <Outlet />
      <ReauthDialog />
    </>
  )
}
