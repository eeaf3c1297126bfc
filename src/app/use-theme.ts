import { useEffect, useSyncExternalStore } from 'react'
import { useThemePreference } from '@/lib/preferences.ts'

const darkQuery = '(prefers-color-scheme: dark)'

function subscribeSystem(listener: () => void): () => void {
  const media = globalThis.matchMedia?.(darkQuery)
  media?.addEventListener('change', listener)
  return () => media?.removeEventListener('change', listener)
}

const systemIsDark = () => globalThis.matchMedia?.(darkQuery).matches ?? false

/** Applies the effective theme (stored choice, else the system's) to <html data-theme>. */
export function useApplyTheme(override?: 'light' | 'dark'): 'light' | 'dark' {
  const preference = useThemePreference()
  const dark = useSyncExternalStore(subscribeSystem, systemIsDark, () => false)
  const theme = override ?? (preference === 'system' ? (dark ? 'dark' : 'light') : preference)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  return theme
}
