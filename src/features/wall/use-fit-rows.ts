import { type RefObject, useLayoutEffect, useRef, useState } from 'react'

/**
 * How many table rows fit in the element: its height less the header, over one row's height, re-measured
 * when the screen or the rows resize. `fallback` until measured (and where nothing can be measured, as in jsdom).
 */
export function useFitRows<T extends HTMLElement>(
  fallback: number,
  hasRows: boolean,
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [rows, setRows] = useState(fallback)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || !hasRows || typeof ResizeObserver === 'undefined') return
    const measure = () => {
      const head = element.querySelector('thead')?.getBoundingClientRect().height ?? 0
      const row = element.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0
      if (row > 0) setRows(Math.max(1, Math.floor((element.clientHeight - head) / row)))
    }
    measure()
    // The body too: its rows grow with ?scale= while the element keeps its size.
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    const body = element.querySelector('tbody')
    if (body) observer.observe(body)
    return () => observer.disconnect()
  }, [hasRows])
  return [ref, rows]
}
