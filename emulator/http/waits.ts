import type { ServerResponse } from 'node:http'

interface PendingWait {
  timer: ReturnType<typeof setTimeout>
  settle(completed: boolean): void
}

/** Latency-fault delays that end early when the client leaves, and all at once when the server closes. */
export class Waits {
  readonly #pending = new Set<PendingWait>()

  /** Resolves true after `ms`, or false as soon as the response is closed or the server shuts down. */
  wait(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const onClose = () => entry.settle(false)
      const entry: PendingWait = {
        timer: setTimeout(() => entry.settle(true), ms),
        settle: (completed) => {
          clearTimeout(entry.timer)
          res.off('close', onClose)
          this.#pending.delete(entry)
          resolve(completed)
        },
      }
      this.#pending.add(entry)
      res.once('close', onClose)
    })
  }

  cancelAll(): void {
    for (const entry of this.#pending) entry.settle(false)
  }
}
