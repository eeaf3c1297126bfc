import type { ErrorComponentProps } from '@tanstack/react-router'
import { ErrorState } from '@/components/error-state.tsx'
import { EmHttpError, EmParseError, EmUnreachableError } from '@/em/errors.ts'

/** Words for any error a screen can meet; never a stack trace. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof EmUnreachableError)
    return { title: 'Enterprise Manager is unreachable', detail: error.message }
  if (error instanceof EmHttpError) {
    if (error.status === 403) {
      return {
        title: 'Not allowed',
        detail:
          'Your Enterprise Manager role may not read this. Portal Administrator, Portal User or Restore Operator is needed.',
      }
    }
    if (error.status === 404)
      return {
        title: 'Not found',
        detail: 'Enterprise Manager does not know this item (it may have aged out of its history).',
      }
    return { title: `Enterprise Manager answered ${error.status}`, detail: error.emMessage ?? error.message }
  }
  if (error instanceof EmParseError)
    return { title: 'Enterprise Manager sent something unreadable', detail: error.message }
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) }
}

/** The first-load failure of a route: the error and a retry, inside the app's frame. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { title, detail } = describeError(error)
  return <ErrorState title={title} detail={detail} onRetry={reset} />
}
