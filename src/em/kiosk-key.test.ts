import { afterEach, describe, expect, it } from 'vitest'
import {
  getKioskKey,
  KIOSK_KEY_HEADER,
  kioskHeaders,
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
