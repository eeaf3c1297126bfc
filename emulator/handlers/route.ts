import type { EmBody, EmFormat } from '../serialize/render.ts'
import type { EmContext } from './context.ts'
import type { LogonEntry } from './logon-registry.ts'
import type { Operation } from './permissions.ts'
import type { QueryParamReader } from './query-params.ts'

export interface RouteCall {
  ctx: EmContext
  params: QueryParamReader
  /** Path segments captured by `:id`, lower-cased (GUID case carries no meaning, em-api.md §4.6). */
  ids: string[]
  /** The authenticated logon session; undefined on the anonymous and Basic-auth routes. */
  caller: LogonEntry | undefined
  format: EmFormat
  headers: Record<string, string | undefined>
}

export interface EmReply {
  status: number
  body: EmBody | undefined
  headers?: Record<string, string>
}

export type RouteHandler = (call: RouteCall) => EmReply

export interface Route {
  /** Segments after `/api/`, lower-case; `:id` matches any one segment. */
  segments: readonly string[]
  auth: 'none' | 'basic' | 'token'
  /** The row of the role table this call counts as (em-api.md §10); see permissions.ts. */
  operation: Operation
  /** A row per method where it differs from `operation`: `POST /backupServers/{ID}` is `collect`, not a read. */
  operations?: Readonly<Record<string, Operation>>
  methods: Readonly<Record<string, RouteHandler>>
}

export interface RouteMatch {
  route: Route
  ids: string[]
}

/** The row of the role table a call with this method counts as. */
export function operationOf(route: Route, method: string): Operation {
  return route.operations?.[method] ?? route.operation
}

/** Finds the route for decoded path segments, ignoring letter case; undefined → 404. */
export function matchRoute(routes: readonly Route[], segments: readonly string[]): RouteMatch | undefined {
  const [first, ...rest] = segments
  if (first?.toLowerCase() !== 'api') return undefined
  for (const route of routes) {
    if (route.segments.length !== rest.length) continue
    const ids: string[] = []
    const matches = route.segments.every((pattern, index) => {
      const segment = rest[index] ?? ''
      if (pattern !== ':id') return pattern === segment.toLowerCase()
      ids.push(segment.toLowerCase())
      return true
    })
    if (matches) return { route, ids }
  }
  return undefined
}
