import { afterEach, describe, expect, it } from 'vitest'
import {
  getKioskKey,
  KIOSK_KEY_HEADER,
  kioskHeaders,
  kioskKeyFragment,
  kioskKeyFromFragment,
  setKioskKey,
  setKioskRefreshSeconds,
} from './kiosk-key.ts'

afterEach(() => {
  setKioskKey(null)
  setKioskRefreshSeconds(null)
})

describe('kiosk key', () => {
  it('is off until set, and sends no headers then', () => {
    expect(getKioskKey()).toBeNull()
    expect(kioskHeaders()).toEqual({})
  })

  it('sends the key, and the refresh interval once the wall has one', () => {
    setKioskKey(' wall-key-0123456789 ')
    expect(getKioskKey()).toBe('wall-key-0123456789')
    expect(kioskHeaders()).toEqual({ [KIOSK_KEY_HEADER]: 'wall-key-0123456789' })
    setKioskRefreshSeconds(30)
    expect(kioskHeaders()).toEqual({ 'X-Kiosk-Key': 'wall-key-0123456789', 'X-Refresh-Interval': '30' })
  })

  it('treats an empty key as none, and clears with null', () => {
    setKioskKey('')
    expect(getKioskKey()).toBeNull()
    setKioskKey('k')
    setKioskKey(null)
    expect(kioskHeaders()).toEqual({})
  })
})

describe('kiosk key in the URL fragment', () => {
  it.each([
    ['key=abc', 'abc'],
    ['#key=abc', 'abc'],
    ['x=1&key=a%2Bb%2Fc%3D&y=2', 'a+b/c='],
    ['key=a+b/c=', 'a+b/c='],
    ['key=100%', '100%'],
    ['key=', null],
    ['', null],
    ['notkey=abc', null],
  ])('reads %j as %j', (hash, expected) => {
    expect(kioskKeyFromFragment(hash)).toBe(expected)
  })

  it('writes a fragment that reads back as the same key', () => {
    for (const key of ['k7+Yq/3x0Lw9Z2r8=', 'plain', 'a&b=c#d %']) {
      expect(kioskKeyFromFragment(kioskKeyFragment(key))).toBe(key)
    }
  })
})
