// What a wall screen may read through the proxy's own EM session: read-only GETs the wall and the session
// detail need, nothing else. Path letter case is free (em-api.md §4.6); everything else is exact.
// EM has no read-only role (em-api.md §10: a Portal User may fail over a replica and start a data collection),
// so this list, not the kiosk account's role, is what keeps a wall read-only.

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

// The wall's session tiles read sessions and jobs (a Portal User gets EM's 403 there, and the wall uses sessions
// instead), the detail its task sessions when a session's Down link lists none (em-api.md §6.6); the wall's
// "VMs out of RPO" tile (the protection view's computation) adds replica points, replicas and, where
// jobs carry no includes, the includes query (em-api.md §11, §12).
const QUERY_TYPES = new Set([
  'replicajobsession',
  'job',
  'replicatasksession',
  'vmreplicapoint',
  'replica',
  'objectinjob',
])
const QUERY_PARAMS = new Set(['type', 'format', 'filter', 'sortasc', 'sortdesc', 'pagesize', 'page'])
const ENTITY_PARAMS = new Set(['format'])

const entityPaths = [
  new RegExp(`^/api/replicasessions/${GUID}/?$`, 'i'),
  // Both spellings of the task list: EM's docs print the Down link as /repicaTaskSessions (em-api.md §6.1).
  new RegExp(`^/api/replicasessions/${GUID}/(replicatasksessions|repicatasksessions)/?$`, 'i'),
  new RegExp(`^/api/backupservers/${GUID}/?$`, 'i'),
  new RegExp(`^/api/jobs/${GUID}/?$`, 'i'),
]

export type AllowVerdict = { allowed: true } | { allowed: false; reason: string }

/** Whether a kiosk GET of this decoded path and raw query string is on the allowlist. */
export function kioskAllows(path: string, rawQuery: string): AllowVerdict {
  const params = readParams(rawQuery)
  if (params === null) return deny('a query parameter is repeated')
  // Actions (start, stop, retry, failover, collect) are POSTs in EM (§13); refused here whatever the method.
  if (params.has('action')) return deny('?action= is never allowed')
  if (path === '/api' || path === '/api/') {
    return params.size === 0 ? { allowed: true } : deny('the root takes no parameters')
  }
  if (/^\/api\/query\/?$/i.test(path)) {
    const unknown = [...params.keys()].find((name) => !QUERY_PARAMS.has(name))
    if (unknown !== undefined) return deny(`parameter ${unknown} is not allowed`)
    const type = params.get('type')?.toLowerCase()
    if (type === undefined || !QUERY_TYPES.has(type)) return deny('this query type is not allowed')
    return { allowed: true }
  }
  if (entityPaths.some((pattern) => pattern.test(path))) {
    if ([...params.keys()].some((name) => !ENTITY_PARAMS.has(name))) return deny('only format is allowed')
    const format = params.get('format')
    if (format !== undefined && format.toLowerCase() !== 'entity')
      return deny('only format=Entity is allowed')
    return { allowed: true }
  }
  return deny('this path is not allowed')
}

/** Parameters by lower-case name; null when a name repeats (EM answers 400 to that anyway, §4.1). */
function readParams(rawQuery: string): Map<string, string> | null {
  const params = new Map<string, string>()
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const key = name.toLowerCase()
    if (params.has(key)) return null
    params.set(key, value)
  }
  return params
}

function deny(reason: string): AllowVerdict {
  return { allowed: false, reason }
}
