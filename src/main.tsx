// The base styles first: each component and screen imports its own after them, so theirs win on equal terms.
// The yield-before-* imports split the evaluation of what follows them into tasks of its own (issue 18); the
// order of these imports is the order of evaluation, so they stay where they are.
import '@/app/styles.css'
import '@/app/yield-before-react.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@/app/yield-before-app.ts'
import { App } from '@/app/app.tsx'
import { idbCacheStore } from '@/app/cache-store.ts'
import { warmUpIntlHere, warmUpIntlOffThread } from '@/app/intl-warm-up.ts'
import { createQueryClient } from '@/app/query-client.ts'
import { createAppRouter } from '@/app/router.tsx'
import { preloadRouteCode, restoreAtStart } from '@/app/startup.ts'
import { yieldToMain } from '@/lib/yield-to-main.ts'

// First: the worker that loads the locale's data for Intl runs beside everything below (intl-warm-up.ts).
const intlOffThread = warmUpIntlOffThread()
const queryClient = createQueryClient()
// The restore starts next and the rest follows in tasks of its own (yield-to-main.ts): evaluating the modules,
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
if (!intlOffThread) {
  // No worker: the locale's data loads here, in a task of its own, not in the task that evaluates a route's code.
  warmUpIntlHere()
  await yieldToMain()
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} restored={restored} />
    </StrictMode>,
  )
}
