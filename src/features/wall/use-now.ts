import { useEffect, useState } from 'react'

/** The current time, re-rendering every `stepMs` (the wall's clock, countdowns, ages and page rotation). */
export function useNow(stepMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), stepMs)
    return () => clearInterval(timer)
  }, [stepMs])
  return now
}
