import type { EmReply, RouteCall } from './route.ts'

/** `GET /api/`: the EnterpriseManager entry point, no authentication (em-api.md §2). */
export function getRoot(_call: RouteCall): EmReply {
  return { status: 200, body: { kind: 'root' } }
}
