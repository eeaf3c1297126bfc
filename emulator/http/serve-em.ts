import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultSpec } from '../control/fault-spec.ts'
import type { FaultState } from '../control/fault-state.ts'
import { malform, renderFormatFor } from '../control/malform.ts'
import type { RequestStats } from '../control/request-stats.ts'
import type { EmContext } from '../handlers/context.ts'
import { WWW_AUTHENTICATE } from '../handlers/em-error.ts'
import { type EmRequest, type EmResponse, handle } from '../handlers/handle.ts'
import { parseTarget } from '../handlers/request-target.ts'
import { formatOf, respondError } from '../handlers/respond.ts'
import type { Waits } from './waits.ts'
import { headersOf, writeResponse } from './write-response.ts'

export interface EmServeDeps {
  context: EmContext
  faults: FaultState
  stats: RequestStats
  waits: Waits
}

function answer(request: EmRequest, fault: FaultSpec | undefined, context: EmContext): EmResponse {
  const format = formatOf(request.headers.accept)
  if (fault?.status !== undefined) {
    const headers = fault.status === 401 ? WWW_AUTHENTICATE : undefined
    return respondError(context, format, {
      status: fault.status,
      message: `Injected fault: ${fault.status}.`,
      headers,
    })
  }
  if (fault?.malformed === undefined) return handle(request, context)
  const accept = renderFormatFor(fault.malformed, format) === 'json' ? 'application/json' : 'application/xml'
  const real = handle({ ...request, headers: { ...request.headers, accept } }, context)
  return malform(fault.malformed, real, format)
}

/** Serves one EM request: counts it, applies the active fault (latency and hang live here), then `handle()`. */
export async function serveEm(req: IncomingMessage, res: ServerResponse, deps: EmServeDeps): Promise<void> {
  // EM ignores request bodies (em-api.md §3, §4.6); answering never waits for one, so a chunked logon that never
  // sends its last chunk is still answered.
  req.resume()
  const rawPath = req.url ?? '/'
  const path = parseTarget(rawPath).rawPath
  res.once('close', deps.stats.begin(path))
  const request: EmRequest = { method: req.method ?? 'GET', rawPath, headers: headersOf(req) }
  const fault = deps.faults.pick(path, deps.context.now())
  if (fault?.latencyMs !== undefined && fault.latencyMs > 0) {
    if (!(await deps.waits.wait(fault.latencyMs, res))) return
  }
  // A hung request is never answered; the client's disconnect or the server's close ends it.
  if (fault?.hang === true) return
  writeResponse(res, answer(request, fault, deps.context))
}
