import { type ErrorComponentProps, useRouter } from '@tanstack/react-router'
import { ErrorState } from '@/components/error-state.tsx'
import { describeEmError } from '@/em/describe-error.ts'

/** The first-load failure of a route: the error and a retry, inside the app's frame. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter()
  const { title, detail } = describeEmError(error)
  // The boundary's own reset only clears it while the route's match keeps its error; invalidating runs the loader
  // again and clears the error once it succeeds.
  return <ErrorState title={title} detail={detail} onRetry={() => void router.invalidate()} />
}
