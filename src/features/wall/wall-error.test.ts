import { describe, expect, it } from 'vitest'
import { EmHttpError } from '@/em/errors.ts'
import { describeWallError } from './wall-error.ts'

describe('describeWallError', () => {
  it('on a kiosk wall, names the key in the fragment for 403 and the guess limit for 429', () => {
    expect(describeWallError(new EmHttpError(403, null, '/api/'), true)).toMatchObject({
      title: "The wall's requests were refused",
      detail: 'Check what follows #key= against EM_KIOSK_KEY.',
    })
    expect(describeWallError(new EmHttpError(429, null, '/api/'), true)).toMatchObject({
      title: 'Too many wrong wall keys',
    })
  })

  it('on a signed-in wall, says what EM said', () => {
    expect(describeWallError(new EmHttpError(403, null, '/api/'), false).title).toBe('Not allowed')
  })
})
