import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { startTransition, useEffect, useState } from 'react'
import type { createAppRouter } from './router.tsx'

interface AppProps {
  queryClient: QueryClient
  router: ReturnType<typeof createAppRouter>
  /** Settles when the last visit's answers are back in the cache (startup.ts), started before this renders. */
  restored: Promise<void>
}

/** Providers, the restored query cache and the router; nothing else. */
export function App({ queryClient, router, restored }: AppProps) {
  // Nothing renders until the restore is done (a few milliseconds): the first screen then shows the restored
  // answers at once instead of a skeleton while EM is asked. A state, not Suspense and use(): React holds back a
  // boundary's content for up to 300 ms after its fallback showed, which would cost the instant start that much.
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let live = true
    void restored.then(() => {
      // A transition, so React renders the first screen in slices of a few milliseconds rather than in one task
      // of 100-250 ms (issue 18: the longest task of a load).
      if (live) startTransition(() => setReady(true))
    })
    return () => {
      live = false
    }
  }, [restored])
  return (
    <QueryClientProvider client={queryClient}>
      {ready ? <RouterProvider router={router} /> : null}
    </QueryClientProvider>
  )
}
