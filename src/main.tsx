// The base styles first: each component and screen imports its own after them, so theirs win on equal terms.
import '@/app/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app.tsx'
import { idbCacheStore } from '@/app/cache-store.ts'
import { createQueryClient } from '@/app/query-client.ts'
import { createAppRouter } from '@/app/router.tsx'
import { preloadRouteCode, restoreAtStart } from '@/app/startup.ts'

const queryClient = createQueryClient()
const router = createAppRouter(queryClient)
// Both start now, before React's first render and side by side (startup.ts). The URL the page opened at decides
// whose cache it is (a kiosk wall or the signed-in user), as it did when the restore started from an effect.
const { pathname, hash } = window.location
const { restored } = restoreAtStart(queryClient, idbCacheStore(), { pathname, hash })
void preloadRouteCode(router, pathname)

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} restored={restored} />
    </StrictMode>,
  )
}
