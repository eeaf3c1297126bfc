// The job and server actions of em-api.md §13.1 and §15: POST the Href EM gave (never one built here), read the
// 202 Task, then follow the task. Only the four actions the proxy lets through are sent; the wall never acts.
import { queryOptions } from '@tanstack/react-query'
import { decodeOffThread } from './decode-off-thread.ts'
import { emContext, emGet } from './em-get.ts'
import { EmHttpError, EmLinkError } from './errors.ts'
import { emFetch } from './http.ts'
import { getKioskKey } from './kiosk-key.ts'
import { resolveHref } from './link-resolver.ts'
import { type EmTask, parseTask } from './parse-task.ts'
import { getEmSession } from './session-token.ts'

export type EmActionVerb = 'start' | 'stop' | 'retry' | 'collect'

// The last parameter of the Href names the action; EM writes it last (jobs_id, backupservers_id).
const ACTION = /[?&]action=(start|stop|retry|collect)$/i

/** The action an Href performs, or null when it is none of the four this dashboard may send. */
export function actionOfHref(href: string): EmActionVerb | null {
  const match = ACTION.exec(href)
  const verb = match?.[1]?.toLowerCase()
  return verb === 'start' || verb === 'stop' || verb === 'retry' || verb === 'collect' ? verb : null
}

/**
 * POSTs an action link as EM wrote it (no body, §13.1) with the signed-in session's token and returns EM's Task.
 * Throws EmLinkError for an Href that is not one of the four actions, EmHttpError(401) without a session or on
 * the wall (its kiosk key only reads), and whatever emFetch throws: EM's or the proxy's refusal (403, 429, 4xx).
 */
export async function postEmAction(href: string, options: { signal?: AbortSignal } = {}): Promise<EmTask> {
  const path = resolveHref(href)
  if (actionOfHref(path) === null)
    throw new EmLinkError(href, 'it is not a start, stop, retry or collect action')
  const session = getEmSession()
  if (getKioskKey() !== null || session === null) throw new EmHttpError(401, 'Not signed in', path)
  const { format } = emContext()
  const response = await emFetch(path, {
    method: 'POST',
    format,
    token: session.token,
    signal: options.signal,
  })
  return parseTask(await decodeOffThread(response.text, format, path))
}

const all = () => ['em', 'tasks'] as const

export const taskQueries = {
  all,
  /** One task followed by its Href (any host; re-based onto the proxy); within the logon session that made it. */
  detail: (href: string) => {
    const context = emContext()
    return queryOptions({
      queryKey: [...all(), href, context] as const,
      queryFn: async ({ signal }) =>
        parseTask(await emGet(resolveHref(href), { signal, format: context.format })),
    })
  },
}
