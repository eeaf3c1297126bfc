import { useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now, re-rendering when that changes; false where there is no matchMedia. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const media = globalThis.matchMedia?.(query)
      media?.addEventListener('change', listener)
      return () => media?.removeEventListener('change', listener)
    },
    () => globalThis.matchMedia?.(query).matches ?? false,
    () => false,
  )
}

/** The phone layout's breakpoint (the CSS uses the same width): one column, cards instead of tables. */
export const PHONE_QUERY = '(max-width: 639.98px)'
