/** A client mistake in a query (filter syntax, field, value, operator or sort key); handlers answer it with 400 and this message (em-api.md §8). */
export class QueryError extends Error {
  /** 0-based position in the filter text, when the mistake has one. */
  readonly position: number | undefined

  constructor(message: string, position?: number) {
    super(message)
    this.name = 'QueryError'
    this.position = position
  }
}

const OPERATOR_CHARS = '=!<>'
const NEAR_MAX = 20

/** Builds the error for a filter that breaks the grammar of em-api.md §4.2, pointing at `position` of the original text. */
export function filterSyntaxError(filter: string, position: number, problem: string): QueryError {
  const near = nearText(filter, position)
  const where = near === '' ? 'near end of filter' : `near '${near}'`
  return new QueryError(`Filter syntax error at position ${position} ${where}: ${problem}`, position)
}

// The offending text up to the next comparison operator, so `;;Result==Failed` shows as `;;Result`.
function nearText(filter: string, position: number): string {
  let end = position
  while (end < filter.length && OPERATOR_CHARS.includes(filter.charAt(end))) end++
  while (end < filter.length && end - position < NEAR_MAX && !OPERATOR_CHARS.includes(filter.charAt(end)))
    end++
  return filter.slice(position, end).trimEnd()
}
