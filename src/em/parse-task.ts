// EM's Task resource (em-api.md §13.2): what a job or server action answers with (202), and what /tasks/{ID}
// answers until it is Finished. No JSON sample exists; the schema reads §5's mapping of the XML examples.

import { isRecord } from '@/lib/is-record.ts'
import { addIssue, preprocess, z } from '@/lib/zod.ts'
import { findLink } from './link-resolver.ts'
import { linksSchema } from './link-schema.ts'
import { documentOf, optionalText, parseWith, wireBool } from './schemas.ts'

/** Running → OperationFinished (done on the backup server, not yet collected by EM) → Finished; raw otherwise. */
export type TaskState = 'Running' | 'OperationFinished' | 'Finished' | (string & {})

export interface EmTask {
  /** `task-<n>`, not a GUID (§13.2). */
  id: string
  /** Where to follow the task: its own Href (the Delete link's when the attribute is missing). */
  href: string
  state: TaskState
  /** Raw: StartJob, StopJob, RetryJob, CollectingBackupServer, … */
  operation: string
  /** Absent while Running; `Success` false carries EM's reason in `message`, word for word. */
  result: { success: boolean; message: string } | null
}

const resultSchema = z.object({ Success: wireBool, Message: optionalText })

const taskSchema = z.pipe(
  z.object({
    TaskId: z.string().check(z.minLength(1)),
    State: z.string().check(z.minLength(1)),
    Operation: optionalText,
    Href: z.optional(z.string()),
    Links: linksSchema,
    // An empty element (`<Result />`) or null is "no result yet", like an absent one.
    Result: preprocess((value) => (isRecord(value) ? value : undefined), z.optional(resultSchema)),
  }),
  z.transform((raw, ctx): EmTask | typeof z.NEVER => {
    const href = raw.Href ?? findLink(raw.Links, 'Delete')?.href
    if (href === undefined) {
      addIssue(ctx, 'missing; expected the Href of the task', ['Href'])
      return z.NEVER
    }
    return {
      id: raw.TaskId,
      href,
      state: raw.State,
      operation: raw.Operation,
      result: raw.Result ? { success: raw.Result.Success, message: raw.Result.Message } : null,
    }
  }),
)

/** A Task document, XML or JSON → EmTask; throws EmParseError naming the field that is wrong. */
export function parseTask(doc: unknown): EmTask {
  return parseWith(documentOf('Task', taskSchema), doc, 'Task')
}
