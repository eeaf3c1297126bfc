import { type RefObject, useLayoutEffect, useRef, useState } from 'react'

/**
 * The element's computed font size in pixels, re-read when it resizes. SVG charts size their axes in pixels,
 * while the wall sizes text from the viewport: this hands them the text size of the screen they are on.
 */
export function useFontPx<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [px, setPx] = useState(fallback)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const measure = () => {
      const size = Number.parseFloat(getComputedStyle(element).fontSize)
      if (Number.isFinite(size) && size > 0) setPx(size)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, px]
}
