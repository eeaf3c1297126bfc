// The Notification API as this app may use it: only in a secure context, asked for only from a click, and never
// used without the user's "granted".

export type NotificationAccess = 'unsupported' | 'insecure' | 'default' | 'denied' | 'granted'

export function notificationAccess(): NotificationAccess {
  if (globalThis.isSecureContext === false) return 'insecure'
  if (typeof globalThis.Notification !== 'function') return 'unsupported'
  return globalThis.Notification.permission
}

/** Asks the browser (call it from a click handler only); resolves to what the user answered. */
export async function requestNotificationAccess(): Promise<NotificationAccess> {
  const access = notificationAccess()
  if (access !== 'default') return access
  return globalThis.Notification.requestPermission()
}
