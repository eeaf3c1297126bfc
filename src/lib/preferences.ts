// Browser-persisted preferences (STYLE §3.6): they never change what a URL shows.
import { useSyncExternalStore } from 'react'

export type ThemePreference = 'system' | 'light' | 'dark'

const THEME_KEY = 'dashboard.theme'
const listeners = new Set<() => void>()

function readTheme(): ThemePreference {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/** Stores the theme choice and tells subscribers. */
export function setThemePreference(theme: ThemePreference): void {
  try {
    if (theme === 'system') globalThis.localStorage?.removeItem(THEME_KEY)
    else globalThis.localStorage?.setItem(THEME_KEY, theme)
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The stored theme preference, re-rendering on change. */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, readTheme, () => 'system')
}
