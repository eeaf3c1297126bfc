// The proxy's size limits, in one place so the README, the error messages and the tests say the same numbers.

/**
 * Largest request body forwarded to EM: none. The only POSTs that pass (write-policy.ts) take no body: sign-in
 * carries its credentials in Authorization (em-api.md §3), job and server actions send nothing (§13.1, §15).
 */
export const MAX_BODY_BYTES = 0

/** Largest total of the request headers the proxy forwards to EM (token, Authorization, Accept, Content-Type). */
export const MAX_FORWARDED_HEADER_BYTES = 4 * 1024

/** Largest request head `npm run serve` reads; Node answers 431 beyond it (Vite's servers keep Node's default, the same). */
export const MAX_HEADER_BYTES = 16 * 1024

/**
 * How long `npm run serve` keeps an idle keep-alive connection open. Longer than nginx keeps its idle upstream
 * connections (em-replica-dashboard-node.conf: keepalive_timeout 60s), so nginx always closes first: were the copy
 * to close one just as nginx reused it (Node's default is 5 s), nginx would see the copy "fail", leave it out for
 * fail_timeout, and with both copies hit at once answer every wall 502 ("no live upstreams").
 */
export const KEEP_ALIVE_TIMEOUT_MS = 75_000
