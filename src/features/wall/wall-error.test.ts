import { describe, expect, it } from 'vitest'
import { EmHttpError } from '@/em/errors.ts'
import { describeWallError } from './wall-error.ts'

describe('describeWallError', () => {
  it('names the key when the proxy refused the key, in its own words', () => {
    const error = new EmHttpError(403, null, '/api/query', { proxyMessage: 'Wrong or missing kiosk key' })
    expect(describeWallError(error, true)).toEqual({
      title: 'The wall key was refused',
      detail: 'Wrong or missing kiosk key. Check key= against EM_KIOSK_KEY.',
    })
  })

  it('says what the allowlist refused instead of blaming the key', () => {
    const error = new EmHttpError(403, null, '/api/jobs/x/includes', {
      proxyMessage: 'Not on the kiosk allowlist: jobs/x/includes',
    })
    expect(describeWallError(error, true)).toEqual({
      title: 'Not allowed',
      detail: 'Not on the kiosk allowlist: jobs/x/includes',
    })
  })

  it('shows the proxy’s words for a kiosk sign-in failure', () => {
    const error = new EmHttpError(503, null, '/api/query', {
      proxyMessage: 'Wrong user or password: check EM_KIOSK_USER and EM_KIOSK_PASSWORD on the proxy',
    })
    expect(describeWallError(error, true).detail).toBe(
      'Wrong user or password: check EM_KIOSK_USER and EM_KIOSK_PASSWORD on the proxy',
    )
  })
})
