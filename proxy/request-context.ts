// The request a piece of work belongs to, carried through callbacks and promises (AsyncLocalStorage), so a log
// line written deep inside (a kiosk logon the request set off) names the request without passing ids around.
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

const store = new AsyncLocalStorage<string>()

// nginx's $request_id is 32 hex digits; anything else a client sends is replaced, never echoed into the log.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,64}$/

/** The id of the request being answered, when there is one. */
export function currentRequestId(): string | undefined {
  return store.getStore()
}

/** Runs `work` as part of request `id`: log lines written during it, sync or async, carry the id. */
export function runInRequest<T>(id: string, work: () => T): T {
  return store.run(id, work)
}

/** The id for a new request: the trusted front proxy's X-Request-Id when well-formed, else a fresh one. */
export function requestIdFor(given: string | string[] | undefined, fromTrustedProxy: boolean): string {
  if (fromTrustedProxy && typeof given === 'string' && ACCEPTED_ID.test(given)) return given
  return randomUUID()
}
