// Browser-persisted preferences (STYLE §3.6): they never change what a URL shows. Each one is a small store over
// localStorage (or sessionStorage, for what belongs to one tab) that React reads with useSyncExternalStore, that
// other tabs keep in step through the storage event, and that falls back to memory when storage is refused.
import { useSyncExternalStore } from 'react'
import { v } from './valibot.ts'

export interface Preference<T> {
  get(): T
  set(value: T): void
  subscribe(listener: () => void): () => void
}

interface PreferenceSpec<T> {
  key: string
  fallback: T
  /** The stored text back into a value; null when it is not one (the fallback is used). */
  parse(text: string): T | null
  serialize(value: T): string
  scope?: 'browser' | 'tab'
}

function storageOf(scope: 'browser' | 'tab'): Storage | null {
  try {
    return (scope === 'tab' ? globalThis.sessionStorage : globalThis.localStorage) ?? null
  } catch {
    // Access throws when storage is disabled for the site.
    return null
  }
}

function createPreference<T>(spec: PreferenceSpec<T>): Preference<T> {
  const scope = spec.scope ?? 'browser'
  const listeners = new Set<() => void>()
  // The last text read and its value: useSyncExternalStore needs the same object for the same stored text.
  let cached: { text: string | null; value: T } | null = null
  let memory: string | null = null

  // Memory stands in only where storage is refused: otherwise storage is the truth (another tab may clear it).
  function read(): string | null {
    try {
      const storage = storageOf(scope)
      return storage ? storage.getItem(spec.key) : memory
    } catch {
      return memory
    }
  }
  return {
    get() {
      const text = read()
      if (cached?.text !== text)
        cached = { text, value: text === null ? spec.fallback : (spec.parse(text) ?? spec.fallback) }
      return cached.value
    },
    set(value) {
      const text = Object.is(value, spec.fallback) ? null : spec.serialize(value)
      memory = text
      try {
        if (text === null) storageOf(scope)?.removeItem(spec.key)
        else storageOf(scope)?.setItem(spec.key, text)
      } catch {
        // Storage full or disabled: the choice lasts for this page only.
      }
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      const onStorage = (event: StorageEvent) => {
        if (event.key === spec.key || event.key === null) listener()
      }
      globalThis.addEventListener?.('storage', onStorage)
      return () => {
        listeners.delete(listener)
        globalThis.removeEventListener?.('storage', onStorage)
      }
    },
  }
}

/** A preference's value, re-rendering when it changes here or in another tab. */
export function usePreference<T>(preference: Preference<T>): T {
  return useSyncExternalStore(preference.subscribe, preference.get, preference.get)
}

function oneOf<const T extends string>(values: readonly T[], fallback: T, key: string): Preference<T> {
  return createPreference({
    key,
    fallback,
    parse: (text) => values.find((value) => value === text) ?? null,
    serialize: (value) => value,
  })
}

export type ThemePreference = 'system' | 'light' | 'dark'
export const themePreference = oneOf(['system', 'light', 'dark'], 'system', 'dashboard.theme')

/** Stores the theme choice and tells subscribers. */
export function setThemePreference(theme: ThemePreference): void {
  themePreference.set(theme)
}

/** The stored theme preference, re-rendering on change. */
export function useThemePreference(): ThemePreference {
  return usePreference(themePreference)
}

export type Density = 'comfortable' | 'compact'
/** Row height of the sessions table. */
export const densityPreference = oneOf(['comfortable', 'compact'], 'comfortable', 'dashboard.density')

const tableLayoutSchema = v.object({
  visibility: v.record(v.string(), v.boolean()),
  order: v.array(v.string()),
})
export type TableLayout = v.InferOutput<typeof tableLayoutSchema>

function parseJson<T>(schema: v.GenericSchema<unknown, T>, text: string): T | null {
  try {
    const parsed = v.safeParse(schema, JSON.parse(text))
    return parsed.success ? parsed.output : null
  } catch {
    return null
  }
}

/** Which columns of the sessions table show, in what order; null means the table's defaults. */
export const tableLayoutPreference = createPreference<TableLayout | null>({
  key: 'dashboard.explorer.columns',
  fallback: null,
  parse: (text) => parseJson(tableLayoutSchema, text),
  serialize: (value) => JSON.stringify(value),
})

const sinceSchema = v.object({
  at: v.pipe(v.number(), v.integer(), v.gtValue(0)),
  after: v.pipe(v.number(), v.integer()),
})
/** A moment the user looked: `at` by this browser's clock, `after` the newest end EM had reported then. */
export type SeenMark = v.InferOutput<typeof sinceSchema>

function seenMark(key: string, scope: 'browser' | 'tab'): Preference<SeenMark | null> {
  return createPreference<SeenMark | null>({
    key,
    fallback: null,
    scope,
    parse: (text) => parseJson(sinceSchema, text),
    serialize: (value) => JSON.stringify(value),
  })
}

/** When this browser last had the explorer on screen. */
export const lastSeenPreference = seenMark('dashboard.explorer.lastSeen', 'browser')

/** What this tab calls "new": failures after this mark; kept through reloads. */
export const newSincePreference = seenMark('dashboard.explorer.newSince', 'tab')

/** Whether the user asked for a browser notification on each new failed session. */
export const notifyFailuresPreference = oneOf(['off', 'on'], 'off', 'dashboard.notifyFailures')
