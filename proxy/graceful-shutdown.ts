// SIGTERM without dropping a wall's request: stop accepting connections, let the requests in flight finish (each
// answer then closes its connection, so nginx sends the next one to the other copy), and cut whatever is still
// running when the bound is up.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

export type Drain = {
  /** Counts a request in flight until its answer ends; while draining its answer closes the connection. */
  track(req: IncomingMessage, res: ServerResponse): void
  /** Stops accepting, waits for the requests in flight for at most `timeoutMs`, then cuts the rest. */
  drain(timeoutMs: number): Promise<{ inFlight: number; cut: number }>
  draining(): boolean
}

export function createDrain(server: Server): Drain {
  const inFlight = new Set<ServerResponse>()
  let draining = false
  let settled: (() => void) | null = null

  return {
    track(_req, res) {
      if (draining) res.setHeader('Connection', 'close')
      inFlight.add(res)
      res.once('close', () => {
        inFlight.delete(res)
        if (inFlight.size === 0) settled?.()
      })
    },
    async drain(timeoutMs) {
      draining = true
      const atStart = inFlight.size
      // Node ≥ 19 also closes idle keep-alive connections here; busy ones end after their answer.
      const closed = new Promise<void>((done) => server.close(() => done()))
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined
        await Promise.race([
          new Promise<void>((done) => {
            settled = done
          }),
          new Promise<void>((done) => {
            timer = setTimeout(done, timeoutMs)
          }),
        ])
        clearTimeout(timer)
      }
      const cut = inFlight.size
      server.closeAllConnections()
      await closed
      return { inFlight: atStart, cut }
    },
    draining: () => draining,
  }
}
