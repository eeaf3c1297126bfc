// The signed-in EM session. sessionStorage: it survives a reload but not closing the browser, and each tab
// signs in on its own; never localStorage, where a token would outlive the browser session.
import { v } from '@/lib/valibot.ts'

export interface EmSession {
  token: string
  sessionId: string
  userName: string
  /** Proxy path of the LogonSession's Delete link. */
  logoutPath: string
}

const STORAGE_KEY = 'em.session'

const storedSessionSchema = v.object({
  token: v.pipe(v.string(), v.minLength(1)),
  sessionId: v.pipe(v.string(), v.minLength(1)),
  userName: v.string(),
  logoutPath: v.pipe(v.string(), v.startsWith('/api/')),
})

const listeners = new Set<() => void>()
// undefined: storage not read yet. Kept in memory so getEmSession returns a stable object for useSyncExternalStore.
let current: EmSession | null | undefined

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null
  } catch {
    return null
  }
}

function readStored(): EmSession | null {
  try {
    const text = storage()?.getItem(STORAGE_KEY)
    if (!text) return null
    const parsed = v.safeParse(storedSessionSchema, JSON.parse(text))
    return parsed.success ? parsed.output : null
  } catch {
    // Unreadable or hand-edited: signed out.
    return null
  }
}

/** The signed-in session, or null when signed out (stored garbage counts as signed out). */
export function getEmSession(): EmSession | null {
  if (current === undefined) current = readStored()
  return current
}

/** Stores a freshly signed-in session and tells subscribers. */
export function setEmSession(session: EmSession): void {
  current = { ...session }
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(current))
  } catch {
    // Storage refused: the session lasts for this page only.
  }
  notify()
}

/** Forgets the session (sign-out, or EM said the token is dead) and tells subscribers. */
export function clearEmSession(): void {
  current = null
  try {
    storage()?.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored to remove.
  }
  notify()
}

/** Calls listener after every change; returns the unsubscribe (for useSyncExternalStore). */
export function subscribeEmSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function notify(): void {
  for (const listener of listeners) listener()
}
