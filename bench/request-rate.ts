// The EM load of one screen from when it asked for each URL. Each query's timer restarts when its fetch ends, so
// the queries of one refresh drift apart and a window cut at a refresh of one of them chops the others' rounds
// (an unfiltered wall measured 4 a minute that way; it sends 6). Instead each URL's own rate is taken from its
// first and last request in the window, and the rates are added up.

export interface RequestRate {
  /** Requests per minute, all URLs together. */
  perMinute: number
  /** URLs asked at least twice in the window: the queries refreshed each interval. */
  polled: number
  /** Seconds between two requests of the same URL, averaged over the polled URLs. */
  intervalS: number
}

/** The rate from each URL's request times (ms), counting only requests at or after `from`. */
export function requestRate(times: Readonly<Record<string, readonly number[]>>, from: number): RequestRate {
  let perMs = 0
  let polled = 0
  let intervals = 0
  for (const all of Object.values(times)) {
    const inWindow = all.filter((t) => t >= from)
    const first = inWindow[0]
    const last = inWindow.at(-1)
    if (inWindow.length < 2 || first === undefined || last === undefined || last <= first) continue
    const interval = (last - first) / (inWindow.length - 1)
    perMs += 1 / interval
    intervals += interval
    polled += 1
  }
  // No URL asked twice is no measurement (NaN: the bench then fails), not a load of zero.
  return {
    perMinute: polled === 0 ? Number.NaN : perMs * 60_000,
    polled,
    intervalS: polled === 0 ? Number.NaN : intervals / polled / 1000,
  }
}
