import { createFileRoute, redirect, stripSearchParams } from '@tanstack/react-router'
import {
  getKioskKey,
  kioskKeyFragment,
  kioskKeyFromFragment,
  setKioskKey,
  setKioskRefreshSeconds,
} from '@/em/kiosk-key.ts'
import { getEmSession } from '@/em/session-token.ts'
import { WALL_DEFAULTS, wallSearchSchema } from '@/features/wall/search-params.ts'
import { WallScreen } from '@/features/wall/wall-screen.tsx'

// Set when this page moved a key out of an old `?key=` bookmark; the notice it raises lasts until a reload.
let keyMovedFromQuery = false

// The wall is a top-level route: no app header, the whole screen is the wall. No loader either: a first-load
// failure must show the wall's own retrying banner, never an error page with a button nobody will press.
export const Route = createFileRoute('/wall')({
  validateSearch: wallSearchSchema,
  search: { middlewares: [stripSearchParams(WALL_DEFAULTS)] },
  beforeLoad: ({ search, location }) => {
    if (search.key !== undefined) {
      // An old bookmark: the page request already showed the key to the server, so keep the wall running, but move
      // the key into the fragment at once (this history entry is replaced) and ask for the bookmark to be updated.
      keyMovedFromQuery = true
      throw redirect({
        to: '/wall',
        search: { ...search, key: undefined },
        hash: kioskKeyFragment(kioskKeyFromFragment(location.hash) ?? search.key),
        replace: true,
      })
    }
    // The key comes from the bookmark's fragment and lives in memory only; queries read it when they run.
    setKioskKey(kioskKeyFromFragment(location.hash))
    setKioskRefreshSeconds(search.refresh)
    if (getKioskKey() === null && !getEmSession()) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } })
    }
    return { kiosk: getKioskKey() !== null, keyMovedFromQuery }
  },
  onLeave: () => {
    setKioskKey(null)
    setKioskRefreshSeconds(null)
  },
  component: WallRoute,
})

function WallRoute() {
  const { kiosk, keyMovedFromQuery: moved } = Route.useRouteContext()
  return <WallScreen search={Route.useSearch()} kiosk={kiosk} keyMovedFromQuery={moved} />
}
