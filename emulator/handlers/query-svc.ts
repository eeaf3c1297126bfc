import type { EmReply, RouteCall } from './route.ts'

/** `GET /api/querySvc`: the preset query links (em-api.md §1 resources table). */
export function getQuerySvc(call: RouteCall): EmReply {
  return { status: 200, body: { kind: 'querySvc', logonSessionId: call.caller?.record.sessionId } }
}
