import { EmHttpError, EmParseError, EmUnreachableError } from '@/em/errors.ts'

/** A title and a detail line for a failed EM query, in the explorer's words. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof EmUnreachableError)
    return { title: 'Enterprise Manager is unreachable', detail: error.message }
  if (error instanceof EmHttpError) {
    if (error.status === 400)
      return { title: 'Enterprise Manager rejected the query', detail: error.emMessage ?? error.message }
    return { title: `Enterprise Manager answered ${error.status}`, detail: error.emMessage ?? error.message }
  }
  if (error instanceof EmParseError)
    return { title: 'Enterprise Manager sent something unreadable', detail: error.message }
  return {
    title: 'Could not load the sessions',
    detail: error instanceof Error ? error.message : String(error),
  }
}
