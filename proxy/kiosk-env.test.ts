import { describe, expect, it } from 'vitest'
import { parseProxyEnv } from './env.ts'
import { readKioskEnv } from './kiosk-env.ts'

const KEY = 'wall-key-0123456789abcdef'

describe('readKioskEnv', () => {
  it('is off without any of the three variables', () => {
    expect(readKioskEnv({})).toBeUndefined()
    expect(parseProxyEnv({}).kiosk).toBeUndefined()
  })

  it('reads all three', () => {
    expect(
      readKioskEnv({ EM_KIOSK_USER: 'wall', EM_KIOSK_PASSWORD: ' p w ', EM_KIOSK_KEY: ` ${KEY} ` }),
    ).toEqual({
      user: 'wall',
      password: ' p w ',
      key: KEY,
    })
  })

  it.each([
    [{ EM_KIOSK_USER: 'wall' }, 'EM_KIOSK_PASSWORD and EM_KIOSK_KEY are missing'],
    [{ EM_KIOSK_USER: 'wall', EM_KIOSK_PASSWORD: 'secret-pw' }, 'EM_KIOSK_KEY is missing'],
    [{ EM_KIOSK_PASSWORD: 'secret-pw', EM_KIOSK_KEY: KEY }, 'EM_KIOSK_USER is missing'],
  ])('refuses a partial set %#, naming what is missing and never the password', (env, message) => {
    expect(() => parseProxyEnv(env)).toThrow(message)
    try {
      readKioskEnv(env)
    } catch (error) {
      expect(String(error)).not.toContain('secret-pw')
    }
  })

  it.each([['short'], ['has a space in it 0123456789']])('refuses a weak key %j', (key) => {
    expect(() => readKioskEnv({ EM_KIOSK_USER: 'u', EM_KIOSK_PASSWORD: 'p', EM_KIOSK_KEY: key })).toThrow(
      /EM_KIOSK_KEY must be at least 16 characters/,
    )
  })
})
