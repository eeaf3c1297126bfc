// Words for a failed part of the detail view. Each card says what it could not load, so one failing link reads
// as a local problem (em-api.md §8), not as the whole page being broken.
import { describeEmError } from '@/em/describe-error.ts'

/** A title naming the thing that failed ("Could not load the backup server") and a detail line. */
export function describeFailure(error: unknown, what: string): { title: string; detail: string } {
  const words = describeEmError(error, '')
  return {
    title: `Could not load ${what}`,
    detail: words.title ? `${words.title}. ${words.detail}` : words.detail,
  }
}
