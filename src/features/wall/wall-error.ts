import { EmHttpError, EmParseError, EmUnreachableError } from '@/em/errors.ts'

/** Words for why the wall cannot refresh, short enough for a banner read across a room. */
export function describeWallError(error: unknown, kiosk: boolean): { title: string; detail: string } {
  if (error instanceof EmUnreachableError) {
    return { title: 'Enterprise Manager is unreachable', detail: error.message }
  }
  if (error instanceof EmHttpError) {
    if (error.status === 403 && kiosk) {
      return {
        title: 'The wall key was refused',
        detail: 'The proxy did not accept the key in this URL. Check key= against EM_KIOSK_KEY.',
      }
    }
    if (error.status === 401) {
      return { title: 'Signed out of Enterprise Manager', detail: 'Sign in again to continue.' }
    }
    return {
      title: `Enterprise Manager answered ${error.status}`,
      detail: error.emMessage ?? 'The request failed.',
    }
  }
  if (error instanceof EmParseError) {
    return { title: 'Enterprise Manager sent something unreadable', detail: error.message }
  }
  return { title: 'The wall cannot refresh', detail: error instanceof Error ? error.message : String(error) }
}
