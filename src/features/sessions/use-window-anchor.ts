import { useEffect, useState } from 'react'

/**
 * The moment relative windows ("last hour") end at. The loader fixes it on entry, so loader and screen share query
 * keys; with auto-refresh on it then moves forward by one interval at every refresh, so a view left open for hours
 * still shows the last hour. A new key is the refresh: callers turn refetchInterval off while the anchor moves.
 * A hidden tab does not move it (polling pauses there too).
 */
export function useWindowAnchor(loaded: number, everyMs: number | null): number {
  const [ticks, setTicks] = useState({ from: loaded, count: 0 })
  useEffect(() => {
    if (everyMs === null) return
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return
      setTicks((was) => ({ from: loaded, count: was.from === loaded ? was.count + 1 : 1 }))
    }, everyMs)
    return () => clearInterval(timer)
  }, [loaded, everyMs])
  // A new entry (the loader ran again) starts over from its own anchor.
  return ticks.from === loaded && everyMs !== null ? loaded + ticks.count * everyMs : loaded
}
