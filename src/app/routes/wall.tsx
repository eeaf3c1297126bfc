import { createFileRoute, redirect, stripSearchParams } from '@tanstack/react-router'
import { setKioskKey, setKioskRefreshSeconds } from '@/em/kiosk-key.ts'
import { getEmSession } from '@/em/session-token.ts'
import { WALL_DEFAULTS, wallSearchSchema } from '@/features/wall/search-params.ts'
import { WallScreen } from '@/features/wall/wall-screen.tsx'

// The wall is a top-level route: no app header, the whole screen is the wall. No loader either: a first-load
// failure must show the wall's own retrying banner, never an error page with a button nobody will press.
export const Route = createFileRoute('/wall')({
  validateSearch: wallSearchSchema,
  search: { middlewares: [stripSearchParams(WALL_DEFAULTS)] },
  beforeLoad: ({ search, location }) => {
    // The key comes from the bookmark and lives in memory only; queries read it when they run.
    setKioskKey(search.key ?? null)
    setKioskRefreshSeconds(search.refresh)
    if (!search.key && !getEmSession()) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } })
    }
  },
  onLeave: () => {
    setKioskKey(null)
    setKioskRefreshSeconds(null)
  },
  component: WallRoute,
})

function WallRoute() {
  return <WallScreen search={Route.useSearch()} />
}
