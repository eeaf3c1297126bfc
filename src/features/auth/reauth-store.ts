import { useSyncExternalStore } from 'react'

// Whether the re-sign-in dialog is open: ephemeral UI state shared by the query cache (which opens it on a 401)
// and the dialog (which closes it), so it lives in a tiny external store rather than in React state.
let open = false
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

/** Opens the re-sign-in dialog (idempotent: many failing queries open it once). */
export function requestReauth(): void {
  if (open) return
  open = true
  emit()
}

/** Closes the dialog after a successful sign-in. */
export function closeReauth(): void {
  if (!open) return
  open = false
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True while the dialog should show. */
export function useReauthOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  )
}
