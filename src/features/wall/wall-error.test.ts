import { describe, expect, it } from 'vitest'
import { EmHttpError } from '@/em/errors.ts'
import { describeWallError } from './wall-error.ts'

describe('describeWallError', () => {
  it('on a kiosk wall, names the key in the fragment for a bare 403 and the guess limit for 429', () => {
    expect(describeWallError(new EmHttpError(403, null, '/api/'), true)).toMatchObject({
      title: "The wall's requests were refused",
      detail: 'Check what follows #key= against EM_KIOSK_KEY.',
    })
    expect(describeWallError(new EmHttpError(429, null, '/api/'), true)).toMatchObject({
      title: 'Too many wrong wall keys',
    })
  })

  it('a bare 403 on a path a role may not read names the role too, after the key', () => {
    const { detail } = describeWallError(new EmHttpError(403, null, '/api/query?type=Job'), true)
    expect(detail).toMatch(
      /^Check what follows #key= against EM_KIOSK_KEY\. If the key is right, the kiosk account may not read /,
    )
  })

  it('names the key when the proxy refused the key, in its own words', () => {
    const error = new EmHttpError(403, null, '/api/query', { proxyMessage: 'Wrong or missing kiosk key' })
    expect(describeWallError(error, true)).toEqual({
      title: "The wall's requests were refused",
      detail: 'Wrong or missing kiosk key. Check what follows #key= against EM_KIOSK_KEY.',
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

  it('on a signed-in wall, says what EM said', () => {
    expect(describeWallError(new EmHttpError(403, null, '/api/'), false).title).toBe('Not allowed')
  })
})
