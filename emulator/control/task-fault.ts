// The body of `POST /__emulator/task-faults`, validated strictly so a typo fails loudly.
import { TASK_OPERATIONS } from '../data/records.ts'
import type { TaskFault } from '../handlers/action-tasks.ts'

const FIELDS = new Set(['message', 'times', 'operation'])

/** `{}` clears (null); `{message, times?, operation?}` fails the next `times` (default 1) tasks; else an error text. */
export function parseTaskFault(body: unknown): TaskFault | null | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'The fault must be a JSON object.'
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key))
  if (unknown !== undefined) return `Unknown task fault field '${unknown}'.`
  if (!('message' in body)) return Object.keys(body).length === 0 ? null : "A task fault needs a 'message'."
  const { message } = body
  const times = 'times' in body ? body.times : 1
  const operation = 'operation' in body ? body.operation : undefined
  if (typeof message !== 'string' || message.trim() === '') return "'message' must be a non-empty string."
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 1000)
    return "'times' must be an integer from 1 to 1000."
  const known = TASK_OPERATIONS.find((candidate) => candidate === operation)
  if (operation !== undefined && known === undefined)
    return `'operation' must be one of ${TASK_OPERATIONS.join(', ')}.`
  return { message, remaining: times, ...(known === undefined ? {} : { operation: known }) }
}
