import { describeEmError } from '@/em/describe-error.ts'
import { EmHttpError } from '@/em/errors.ts'

/** Words for why the wall cannot refresh, short enough for a banner read across a room. */
export function describeWallError(error: unknown, kiosk: boolean): { title: string; detail: string } {
  // A kiosk 403 is the proxy's: its key check or its allowlist. Only the first is about the key in this URL.
  const keyRefused =
    kiosk &&
    error instanceof EmHttpError &&
    error.status === 403 &&
    (error.proxyMessage === null || /\bkey\b/i.test(error.proxyMessage))
  if (keyRefused) {
    return {
      title: 'The wall key was refused',
      detail: `${error.proxyMessage ?? 'The proxy did not accept the key in this URL'}. Check key= against EM_KIOSK_KEY.`,
    }
  }
  return describeEmError(error, 'The wall cannot refresh')
}
