import type { QueryClient } from '@tanstack/react-query'
import {
  createBrowserHistory,
  createRouter,
  defaultParseSearch,
  type RouterHistory,
} from '@tanstack/react-router'
import { routeTree } from './route-tree.gen.ts'

const SIGN_IN_PATH = '/sign-in'

/**
 * The entry the app was opened at, as it was before the router rewrote it to its validated form: the only record
 * of values the validation dropped, for the notice that says what a link held that the page could not use.
 */
export interface Arrival {
  pathname: string
  /** Parsed but not validated. */
  search: Record<string, unknown>
  /** False once the user has moved to another page or history entry: the notice is about the first view only. */
  isCurrent(): boolean
}

export interface RouterContext {
  queryClient: QueryClient
  arrival: Arrival
}

/** The app's router; tests create their own with a fresh QueryClient and a memory history. */
export function createAppRouter(queryClient: QueryClient, history: RouterHistory = createBrowserHistory()) {
  const { pathname, search, state } = history.location
  let current = true
  const arrival: Arrival = { pathname, search: defaultParseSearch(search), isCurrent: () => current }
  const router = createRouter({
    routeTree,
    context: { queryClient, arrival },
    history,
    // Hovering a link preloads its route, and the detail's loader asks EM: only a pointer that rests on a row for
    // 200 ms counts as intent, so sweeping over a table costs nothing. A preloaded session stays in the query cache
    // (its loader's ensureQueryData), so resting on it again asks nothing until the cache lets it go.
    defaultPreload: 'intent',
    defaultPreloadDelay: 200,
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  })
  // The rewrite to the validated URL replaces the arrival entry in place (same index), and a link opened while
  // signed out goes through sign-in and comes back to its page: neither leaves the arrival; any other move does.
  let signingIn = false
  const stop = router.subscribe('onResolved', ({ toLocation }) => {
    if (toLocation.pathname === pathname && toLocation.state.__TSR_index === state.__TSR_index) return
    if (toLocation.pathname === SIGN_IN_PATH && !signingIn) {
      signingIn = true
      return
    }
    if (signingIn && toLocation.pathname === pathname) {
      signingIn = false
      return
    }
    current = false
    stop()
  })
  return router
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
