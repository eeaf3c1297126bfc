// The only writes that reach EM through this proxy (README "Job actions"): sign-in, sign-out, and POST of a job's
// start, stop or retry and of a backup server's collect, exactly as EM writes their links (em-api.md §3, §13.1,
// §15). Everything else EM offers (failover, quick backup, VeeamZip, clone, toggleScheduleEnabled, includes,
// deletes) is refused here, whatever the caller's EM role would allow: no EM role is read-only (§10).
import { isSignInPath } from './forward.ts'

export type EmActionVerb = 'start' | 'stop' | 'retry' | 'collect'

/** One allowed action: the verb, what it acts on (a job or a backup server) and that resource's id. */
export interface EmAction {
  verb: EmActionVerb
  resource: 'job' | 'backupServer'
  id: string
}

export type WriteVerdict =
  | { kind: 'read' }
  | { kind: 'sign-in' }
  | { kind: 'sign-out' }
  | { kind: 'action'; action: EmAction }
  | { kind: 'refuse'; message: string }

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

// Matched on the raw request target: one spelling per action, the one in EM's own Hrefs (jobs_id, backupservers_id).
// No percent-encoding, no other parameter, no trailing slash, no fragment of another path: EM decodes `%3F` into a
// query (§4.6), so an encoded variant could carry a different action past a check made on the decoded text.
const JOB_ACTION = new RegExp(`^/api/jobs/(${GUID})\\?action=(start|stop|retry)$`)
const COLLECT = new RegExp(`^/api/backupServers/(${GUID})\\?action=(collect)$`)
// Sign-out is the LogonSession's Delete link (§3): EM itself refuses another client's session (403).
const SIGN_OUT = new RegExp(`^/api/logonSessions/${GUID}$`)

/** What a forwarded request may do, from its method, raw target and the guard's decoded path. */
export function classifyWrite(method: string, target: { pathAndQuery: string; path: string }): WriteVerdict {
  if (method === 'GET' || method === 'HEAD') return { kind: 'read' }
  const raw = target.pathAndQuery
  if (method === 'POST' && isSignInPath(target.path)) return { kind: 'sign-in' }
  if (method === 'DELETE' && SIGN_OUT.test(raw)) return { kind: 'sign-out' }
  if (method === 'POST') {
    const job = JOB_ACTION.exec(raw)
    if (job) return action('job', job)
    const server = COLLECT.exec(raw)
    if (server) return action('backupServer', server)
  }
  return {
    kind: 'refuse',
    message: `${method} ${raw.split('?', 1)[0]} is not allowed: through this dashboard EM takes only sign-in, sign-out, a job's start, stop and retry, and a backup server's collect`,
  }
}

function action(resource: EmAction['resource'], match: RegExpExecArray): WriteVerdict {
  const [, id = '', verb = ''] = match
  return { kind: 'action', action: { verb: toVerb(verb), resource, id: id.toLowerCase() } }
}

function toVerb(text: string): EmActionVerb {
  return text === 'stop' || text === 'retry' || text === 'collect' ? text : 'start'
}

/**
 * Whether a browser's Origin names this dashboard: an http(s) origin whose host and port are those the request was
 * sent to (its Host header). A reverse proxy in front must pass the browser's Host on (nginx: `$http_host`).
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined || !URL.canParse(origin)) return false
  const url = new URL(origin)
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.toLowerCase())
    return false
  const defaultPort = url.protocol === 'https:' ? '443' : '80'
  const given = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase())
  if (given === null) return false
  const [, hostname = '', port = defaultPort] = given
  return url.hostname === hostname && (url.port || defaultPort) === port
}
