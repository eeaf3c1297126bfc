import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useState } from 'react'
import { createQueryClient } from './query-client.ts'
import { createAppRouter } from './router.tsx'
import { useQueryPersistence } from './use-query-persistence.ts'

/** Providers, the restored query cache and the router; nothing else. */
export function App() {
  const [queryClient] = useState(() => createQueryClient())
  const [router] = useState(() => createAppRouter(queryClient))
  // Nothing renders until the last visit's answers are back in the cache (a few milliseconds): the first screen
  // then shows them at once instead of a skeleton while EM is asked.
  const restored = useQueryPersistence(queryClient)
  return (
    <QueryClientProvider client={queryClient}>
      {restored ? <RouterProvider router={router} /> : null}
    </QueryClientProvider>
  )
}
