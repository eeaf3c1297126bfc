// The base styles first: each component and screen imports its own after them, so theirs win on equal terms.
import '@/app/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app.tsx'
import { idbCacheStore } from '@/app/cache-store.ts'
import { createQueryClient } from '@/app/query-client.ts'
import { createAppRouter } from '@/app/router.tsx'
import { preloadRouteCode, restoreAtStart } from '@/app/startup.ts'
import { yieldToMain } from '@/lib/yield-to-main.ts'

const queryClient = createQueryClient()
// The restore starts first and the rest follows in tasks of its own (yield-to-main.ts): evaluating the modules,
// creating the router, starting the route code and React's first render each cost tens of milliseconds, and in
// one task they made the longest task of a load (issue 18). The restore and the route code still load side by
// side, before React's first render (startup.ts). The URL the page opened at decides whose cache it is (a kiosk
// wall or the signed-in user).
const { pathname, hash } = window.location
const { restored } = restoreAtStart(queryClient, idbCacheStore(), { pathname, hash })
await yieldToMain()
const router = createAppRouter(queryClient)
await yieldToMain()
void preloadRouteCode(router, pathname)
await yieldToMain()
// The page's first Intl formatter loads the locale's data (10-35 ms on a first visit). Made here, in a task of its
// own while the route code downloads, instead of in the task that evaluates that code, where it pushed that task
// past 50 ms (issue 18); the formatters made later cost nothing extra.
new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0)
await yieldToMain()

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} restored={restored} />
    </StrictMode>,
  )
}
