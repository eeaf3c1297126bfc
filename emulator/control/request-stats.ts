export interface StatsSnapshot {
  requests: { total: number; byPath: Record<string, number> }
  inFlight: number
  maxInFlight: number
}

/** Counts EM requests (control requests excluded) for retry-storm and pile-up tests. */
export class RequestStats {
  #total = 0
  #byPath = new Map<string, number>()
  #inFlight = 0
  #maxInFlight = 0

  /** Records a request to this raw path (query excluded) and returns the function that marks it finished. */
  begin(path: string): () => void {
    this.#total += 1
    this.#byPath.set(path, (this.#byPath.get(path) ?? 0) + 1)
    this.#inFlight += 1
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight)
    let finished = false
    return () => {
      if (finished) return
      finished = true
      this.#inFlight -= 1
    }
  }

  /** Zeroes the counters; requests still in flight stay counted as in flight. */
  reset(): void {
    this.#total = 0
    this.#byPath.clear()
    this.#maxInFlight = this.#inFlight
  }

  snapshot(): StatsSnapshot {
    return {
      requests: { total: this.#total, byPath: Object.fromEntries(this.#byPath) },
      inFlight: this.#inFlight,
      maxInFlight: this.#maxInFlight,
    }
  }
}
