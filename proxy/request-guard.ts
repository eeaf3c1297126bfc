/** What the proxy does with one request: pass it to the app, forward it to EM, or refuse it. */
export type GuardVerdict =
  | { kind: 'app' }
  | { kind: 'forward'; pathAndQuery: string; path: string }
  | { kind: 'refuse'; status: 400 | 405; message: string }

export const forwardedMethods: readonly string[] = ['GET', 'HEAD', 'POST', 'DELETE']

/** Classifies a request by method and raw request target; only a clean path under /api/ is forwarded, verbatim. */
export function guardRequest(method: string, target: string): GuardVerdict {
  if (method === 'CONNECT') return refuse(405, 'CONNECT is not supported')
  // An absolute-form target (`GET http://evil.example/api/`) would let a client pick the upstream host.
  if (!target.startsWith('/')) return refuse(400, 'request target must be a path')
  const queryAt = target.indexOf('?')
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
  if (!isApiCandidate(rawPath)) return { kind: 'app' }
  if (!forwardedMethods.includes(method)) return refuse(405, `method ${method} is not allowed`)
  const decoded = decodeApiPath(rawPath)
  if (!decoded.ok) return refuse(400, decoded.message)
  // EM's actions are POSTs (em-api.md §13); a read carrying `action=` is none the dashboard sends, and whatever
  // a server in front of EM made of it would be an action past the write policy.
  if ((method === 'GET' || method === 'HEAD') && namesAction(target))
    return refuse(
      405,
      `${method} with ?action= is not allowed: EM's actions are POSTs from the dashboard's pages`,
    )
  return { kind: 'forward', pathAndQuery: target, path: decoded.path }
}

/** True when the target's query names `action`, however it is spelled or encoded (`Action=`, `%61ction=`). */
export function namesAction(target: string): boolean {
  const queryAt = target.indexOf('?')
  if (queryAt === -1) return false
  const keys = [...new URLSearchParams(target.slice(queryAt + 1)).keys()]
  return keys.some((key) => key.toLowerCase() === 'action')
}

/** True for `/api`, `/api/...` and look-alikes (`/api%2f..`, `/api\\`) that must be refused rather than served by the app. */
function isApiCandidate(rawPath: string): boolean {
  if (!rawPath.startsWith('/api')) return false
  const next = rawPath.charAt(4)
  return next === '' || !/[A-Za-z0-9._~-]/.test(next)
}

type Decoded = { ok: true; path: string } | { ok: false; message: string }

function decodeApiPath(rawPath: string): Decoded {
  if (rawPath.includes('\\')) return problem('backslash in path')
  if (/%(?![0-9A-Fa-f]{2})/.test(rawPath)) return problem('malformed percent-encoding in path')
  // EM (HTTP.sys) decodes %2F and %5C into separators, so they could climb out of /api/.
  if (/%(2f|5c)/i.test(rawPath)) return problem('encoded slash or backslash in path')
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return problem('malformed percent-encoding in path')
  }
  if (hasControlCharacter(path)) return problem('control character in path')
  if (path.split('/').some((segment) => segment === '..' || segment === '.'))
    return problem('dot segment in path')
  if (path !== '/api' && !path.startsWith('/api/')) return problem('path must stay under /api/')
  return { ok: true, path }
}

function problem(message: string): Decoded {
  return { ok: false, message }
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

function refuse(status: 400 | 405, message: string): GuardVerdict {
  return { kind: 'refuse', status, message }
}
