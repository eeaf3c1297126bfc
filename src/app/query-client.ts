import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { EmHttpError, EmParseError, EmUnreachableError } from '@/em/errors.ts'
import { getEmSession } from '@/em/session-token.ts'
import { requestReauth } from '@/features/auth/reauth-store.ts'

// Retry policy is decided here, once (STYLE §3.7): 4xx never retries (a 401 opens the sign-in dialog instead),
// EM being unreachable or answering 5xx retries with bounded exponential backoff so EM is never hammered.
const MAX_RETRIES = 3

/** Whether a failed query should try again; exported for its tests. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (error instanceof EmHttpError) return error.status >= 500
  if (error instanceof EmUnreachableError) return true
  if (error instanceof EmParseError) return failureCount < 1
  return false
}

/** 1 s, 2 s, 4 s … capped at 30 s, with up to 20 % jitter so many screens don't retry in step. */
export function retryDelay(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt)
  return base + Math.floor(Math.random() * base * 0.2)
}

// Without a session (signed out, a request still under way) there is nothing to renew: the route guard sends the
// user to the sign-in page instead.
function reauthOn401(error: unknown): void {
  if (error instanceof EmHttpError && error.status === 401 && getEmSession() !== null) requestReauth()
}

/** The app's one QueryClient: retry policy, and a 401 anywhere opens the re-sign-in dialog. Tests turn retries off. */
export function createQueryClient(options: { retries?: boolean } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reauthOn401 }),
    // A job action sent with an expired session (its POST answered 401) asks for the password the same way. Only
    // mutations that say so: sign-in's own 401 is a wrong password, not an ended session.
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (mutation.meta?.reauthOn401 === true) reauthOn401(error)
      },
    }),
    defaultOptions: {
      queries: {
        retry: options.retries === false ? false : shouldRetry,
        retryDelay,
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
    },
  })
}
