import type { ErrorContent } from '../serialize/error-body.ts'
import { type EmFormat, type RenderOptions, render } from '../serialize/render.ts'
import type { EmContext } from './context.ts'
import type { EmResponse } from './handle.ts'
import type { EmReply } from './route.ts'

// The service is self-hosted on HTTP.sys (em-api.md §1).
export const SERVER_HEADER = 'Microsoft-HTTPAPI/2.0'

/** Wants JSON iff Accept contains `application/json`, parameters ignored (em-api.md §1). */
export function formatOf(accept: string | undefined): EmFormat {
  return accept?.toLowerCase().includes('application/json') ? 'json' : 'xml'
}

export function renderOptions(ctx: EmContext, format: EmFormat): RenderOptions {
  const { store, config } = ctx
  return {
    format,
    publicUrl: config.publicUrl,
    endTimeMode: config.endTimeMode,
    taskPathSpelling: config.taskPathSpelling,
    bom: config.bom,
    lookup: {
      sessionById: (id: string) => store.sessionById(id),
      serverById: (id: string) => store.serverById(id),
      jobById: (id: string) => store.jobById(id),
      replicaById: (id: string) => store.replicaById(id),
      includesOfJob: (jobId: string) => store.includesOfJob(jobId),
    },
  }
}

/** Renders a body into a response with EM's headers: Server, Content-Type without charset, Content-Length. */
export function respond(ctx: EmContext, format: EmFormat, reply: EmReply): EmResponse {
  const headers: Record<string, string> = { Server: SERVER_HEADER, ...reply.headers }
  if (reply.body === undefined)
    return { status: reply.status, headers: { ...headers, 'Content-Length': '0' }, body: Buffer.alloc(0) }
  const rendered = render(reply.body, renderOptions(ctx, format))
  headers['Content-Type'] = rendered.contentType
  headers['Content-Length'] = String(rendered.body.length)
  return { status: reply.status, headers, body: rendered.body }
}

/** What an error reply carries: status, EM's Message, the exception text of a fault, extra headers. */
export interface ErrorReply extends ErrorContent {
  headers?: Record<string, string>
}

/** An EM Error body (em-api.md §16) in the requested format. */
export function respondError(ctx: EmContext, format: EmFormat, error: ErrorReply): EmResponse {
  const { headers, ...content } = error
  return respond(ctx, format, { status: error.status, body: { kind: 'error', ...content }, headers })
}

/** Last resort when rendering itself failed: a hand-written Error body (§16 shape), so nothing escapes `handle()`. */
export function fallbackError(format: EmFormat, status: number): EmResponse {
  const message = 'Internal server error.'
  const text =
    format === 'json'
      ? JSON.stringify({
          FirstChanceExceptionMessage: null,
          Message: message,
          StackTrace: null,
          Status: null,
          StatusCode: status,
        })
      : `<?xml version="1.0" encoding="utf-8"?>\n<Error Message="${message}" StatusCode="${status}" xmlns="http://www.veeam.com/ent/v1.0" />`
  const body = Buffer.from(text, 'utf8')
  const contentType = format === 'json' ? 'application/json' : 'application/xml'
  return {
    status,
    headers: { Server: SERVER_HEADER, 'Content-Type': contentType, 'Content-Length': String(body.length) },
    body,
  }
}
