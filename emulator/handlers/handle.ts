import { QueryError } from '../query/query-error.ts'
import type { EmFormat } from '../serialize/render.ts'
import { authenticate } from './authenticate.ts'
import type { EmContext } from './context.ts'
import { badRequest, EmError, notFound } from './em-error.ts'
import { assertAllowed } from './permissions.ts'
import { QueryParamReader } from './query-params.ts'
import { parseTarget } from './request-target.ts'
import { type ErrorReply, fallbackError, formatOf, respond, respondError } from './respond.ts'
import { type EmReply, matchRoute, operationOf } from './route.ts'
import { ROUTES } from './routes.ts'

export interface EmRequest {
  method: string
  /** Path and query exactly as received, undecoded. */
  rawPath: string
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
}

export interface EmResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
}

// Precedence (em-api.md §8): authentication, then path and method, then parameters: no path probing without a token.
function dispatch(request: EmRequest, ctx: EmContext, format: EmFormat): EmReply {
  const target = parseTarget(request.rawPath)
  const match = target.segments === undefined ? undefined : matchRoute(ROUTES, target.segments)
  const auth = match?.route.auth ?? 'token'
  const caller = auth === 'token' ? authenticate(request.headers, ctx) : undefined
  // A role's 403 comes before 404: a token that may read nothing learns nothing of the paths (§8 precedence).
  assertAllowed(caller, match ? operationOf(match.route, request.method) : 'replicaSessions')
  if (target.segments === undefined) throw badRequest('Malformed percent-encoding in the request path.')
  if (match === undefined) throw notFound(`The resource '${target.rawPath}' was not found.`)
  const handler = match.route.methods[request.method]
  if (handler === undefined) {
    const allowed = Object.keys(match.route.methods).join(', ')
    throw new EmError(405, `Method '${request.method}' is not allowed on '${target.rawPath}'.`, {
      Allow: allowed,
    })
  }
  if (target.pairs === undefined) throw badRequest('Malformed percent-encoding in the query string.')
  const params = new QueryParamReader(target.pairs)
  return handler({ ctx, params, ids: match.ids, caller, format, headers: request.headers })
}

function errorReply(error: unknown): ErrorReply {
  if (error instanceof EmError)
    return { status: error.status, message: error.message, headers: error.headers }
  if (error instanceof QueryError) return { status: 400, message: error.message }
  // EM names the exception behind a fault in FirstChanceExceptionMessage (em-api.md §16).
  const detail = error instanceof Error ? error.message : String(error)
  return { status: 500, message: `Internal server error: ${detail}`, firstChance: detail }
}

/** Answers one EM request in-process: no sockets, timers or process state; never throws. */
export function handle(request: EmRequest, ctx: EmContext): EmResponse {
  const format = formatOf(request.headers.accept)
  try {
    ctx.store.advance(ctx.now() * 1000)
    return respond(ctx, format, dispatch(request, ctx, format))
  } catch (error) {
    try {
      return respondError(ctx, format, errorReply(error))
    } catch {
      return fallbackError(format, 500)
    }
  }
}
