import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import { createQueryClient } from '@/app/query-client.ts'
import { createAppRouter } from '@/app/router.tsx'

/**
 * Mounts the real app at a URL with a fresh QueryClient (retries off), as a user would open it; or with the given
 * client, e.g. one a test restored a persisted cache into.
 */
export function renderAt(url: string, queryClient: QueryClient = createQueryClient({ retries: false })) {
  const history = createMemoryHistory({ initialEntries: [url] })
  const router = createAppRouter(queryClient, history)
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...view, router, queryClient, history }
}
