// Which representation the app asks EM for (em-api.md §1: JSON iff Accept names application/json).
// A browser preference, never part of a URL (STYLE §3.6); every query key carries it, so a switch refetches.

export type WireFormat = 'xml' | 'json'

const STORAGE_KEY = 'em.format'
const listeners = new Set<() => void>()
// Keeps the choice for this page when storage refuses it.
let memory: WireFormat | null = null

function asWireFormat(value: unknown): WireFormat | null {
  return value === 'xml' || value === 'json' ? value : null
}

function envDefault(): WireFormat {
  // import.meta.env is Vite's; under plain Node it may be undefined.
  const env: Record<string, unknown> | undefined = import.meta.env
  return asWireFormat(env?.VITE_EM_FORMAT) ?? 'xml'
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    // Access throws when storage is disabled for the site.
    return null
  }
}

/** The chosen wire format: the stored choice, else VITE_EM_FORMAT, else 'xml'. */
export function getWireFormat(): WireFormat {
  try {
    return asWireFormat(storage()?.getItem(STORAGE_KEY)) ?? memory ?? envDefault()
  } catch {
    return memory ?? envDefault()
  }
}

/** Stores the choice for this browser and tells subscribers. */
export function setWireFormat(format: WireFormat): void {
  memory = format
  try {
    storage()?.setItem(STORAGE_KEY, format)
  } catch {
    // Storage full or disabled: nothing to keep, subscribers still re-read.
  }
  for (const listener of listeners) listener()
}

/** Calls listener whenever the format may have changed, here or in another tab; returns the unsubscribe. */
export function subscribeWireFormat(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener()
  }
  globalThis.addEventListener?.('storage', onStorage)
  return () => {
    listeners.delete(listener)
    globalThis.removeEventListener?.('storage', onStorage)
  }
}
