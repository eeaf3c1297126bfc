// Words for a failed part of the detail view. Each card says what it could not load, so one failing link reads
// as a local problem (em-api.md §8), not as the whole page being broken.
import { EmHttpError, EmLinkError, EmParseError, EmUnreachableError } from '@/em/errors.ts'

/** A title naming the thing that failed ("Could not load the backup server") and a detail line. */
export function describeFailure(error: unknown, what: string): { title: string; detail: string } {
  const title = `Could not load ${what}`
  if (error instanceof EmLinkError) return { title, detail: error.message }
  if (error instanceof EmUnreachableError)
    return { title, detail: `Enterprise Manager did not answer in time or is unreachable. ${error.message}` }
  if (error instanceof EmHttpError) {
    if (error.status === 404)
      return { title, detail: 'Enterprise Manager answered 404: it does not know this item (any more).' }
    const message = error.emMessage ? `: ${error.emMessage}` : ''
    return { title, detail: `Enterprise Manager answered ${error.status}${message}` }
  }
  if (error instanceof EmParseError)
    return { title, detail: `Enterprise Manager sent something unreadable. ${error.message}` }
  return { title, detail: error instanceof Error ? error.message : String(error) }
}
