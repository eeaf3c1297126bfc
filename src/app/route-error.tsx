import type { ErrorComponentProps } from '@tanstack/react-router'
import { ErrorState } from '@/components/error-state.tsx'
import { describeEmError } from '@/em/describe-error.ts'

/** The first-load failure of a route: the error and a retry, inside the app's frame. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { title, detail } = describeEmError(error)
  return <ErrorState title={title} detail={detail} onRetry={reset} />
}
