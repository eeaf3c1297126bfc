import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useState } from 'react'
import { createQueryClient } from './query-client.ts'
import { createAppRouter } from './router.tsx'

/** Providers and the router; nothing else. */
export function App() {
  const [queryClient] = useState(() => createQueryClient())
  const [router] = useState(() => createAppRouter(queryClient))
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  )
}
