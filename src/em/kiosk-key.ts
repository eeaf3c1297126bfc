// The wall's kiosk access key (proxy kiosk mode, README "Wall screens"). It lives in the wall's bookmark after
// `#key=`: a URL fragment never leaves the browser, so no server, proxy or access log sees it; from there it
// travels only in the X-Kiosk-Key header. Memory only, never storage: a copy in storage would outlive the screen.

/** Request header that carries the key to the proxy, which then answers with its own EM session. */
export const KIOSK_KEY_HEADER = 'X-Kiosk-Key'

/** Tells the proxy how long it may share an answer among screens (seconds, the wall's refresh interval). */
export const REFRESH_INTERVAL_HEADER = 'X-Refresh-Interval'

/** The kiosk proxy's answer: how many seconds ago EM gave it (its shared copy may be up to an interval old, or
 * older while EM is slow or failing: stale-while-revalidate). */
export const KIOSK_AGE_HEADER = 'X-Kiosk-Age'

/** Milliseconds from an X-Kiosk-Age value; undefined when absent or not a whole number of seconds. */
export function kioskAgeMs(header: string | null): number | undefined {
  if (header === null || !/^\d{1,9}$/.test(header.trim())) return undefined
  return Number(header.trim()) * 1000
}

let key: string | null = null
let refreshSeconds: number | null = null

/** Sets (or with null clears) the kiosk key; while set, em requests send it instead of any session token. */
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

/** The key in a URL fragment (`key=…`, without the `#`; other `&` parts ignored), or null. `+` stays `+`. */
export function kioskKeyFromFragment(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part.startsWith('key=')) continue
    const raw = part.slice(4)
    let value = raw
    try {
      value = decodeURIComponent(raw)
    } catch {
      // A key with a stray % is taken as typed.
    }
    return value.trim() === '' ? null : value.trim()
  }
  return null
}

/** The fragment (without `#`) that carries `value` as the kiosk key. */
export function kioskKeyFragment(value: string): string {
  return `key=${encodeURIComponent(value)}`
}
