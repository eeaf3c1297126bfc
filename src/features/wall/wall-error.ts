import { describeEmError } from '@/em/describe-error.ts'
import { EmHttpError } from '@/em/errors.ts'

/** Words for why the wall cannot refresh, short enough for a banner read across a room. */
export function describeWallError(error: unknown, kiosk: boolean): { title: string; detail: string } {
  if (kiosk && error instanceof EmHttpError && error.status === 403) {
    return {
      title: 'The wall key was refused',
      detail: 'The proxy did not accept the key in this URL. Check what follows #key= against EM_KIOSK_KEY.',
    }
  }
  if (kiosk && error instanceof EmHttpError && error.status === 429) {
    return {
      title: 'Too many wrong wall keys',
      detail:
        'The proxy refused too many wrong keys from this screen’s address and waits before it checks another. Check what follows #key= against EM_KIOSK_KEY.',
    }
  }
  return describeEmError(error, 'The wall cannot refresh')
}
