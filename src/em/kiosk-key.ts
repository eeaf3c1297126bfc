// The wall's kiosk access key (proxy kiosk mode, README "Wall screens"). Memory only, never storage: the key
// lives in the wall's bookmark, and a copy in storage would outlive the screen it was meant for.

/** Request header that carries the key to the proxy, which then answers with its own EM session. */
export const KIOSK_KEY_HEADER = 'X-Kiosk-Key'

/** Tells the proxy how long it may share an answer among screens (seconds, the wall's refresh interval). */
export const REFRESH_INTERVAL_HEADER = 'X-Refresh-Interval'

let key: string | null = null
let refreshSeconds: number | null = null

/** Sets (or with null clears) the kiosk key; em requests send it when there is no EM session. */
export function setKioskKey(next: string | null): void {
  key = next === null || next.trim() === '' ? null : next.trim()
}

/** The kiosk key, or null outside kiosk mode. */
export function getKioskKey(): string | null {
  return key
}

/** Sets (or with null clears) the refresh interval the wall polls at, in seconds. */
export function setKioskRefreshSeconds(seconds: number | null): void {
  refreshSeconds = seconds !== null && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : null
}

/** The headers a request sends in kiosk mode (key, and the refresh interval when known); empty without a key. */
export function kioskHeaders(): Record<string, string> {
  if (key === null) return {}
  const headers: Record<string, string> = { [KIOSK_KEY_HEADER]: key }
  if (refreshSeconds !== null) headers[REFRESH_INTERVAL_HEADER] = String(refreshSeconds)
  return headers
}
