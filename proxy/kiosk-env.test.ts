import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseProxyEnv } from './env.ts'
import { readKioskEnv } from './kiosk-env.ts'

const KEY = '3f8a1c6e0b92d47f5ac13e8b960d2f7c41e5a0b93d6c8f27'

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

  const guessable = [
    'short',
    'wall-key-0123456789abcdef',
    '0123456789abcdef0123456789abcdef0123456789abcdef',
    'Summer2024!Summer2024!Summer2024!Summer2024!',
    'ababababababababababababababababababababababab',
  ]

  function refusal(key: string): string {
    try {
      readKioskEnv({ EM_KIOSK_USER: 'u', EM_KIOSK_PASSWORD: 'p', EM_KIOSK_KEY: key })
    } catch (error) {
      return String(error)
    }
    return ''
  }

  it.each([
    ['openssl rand -hex 32', () => randomBytes(32).toString('hex')],
    ['openssl rand -hex 24', () => randomBytes(24).toString('hex')],
    ['openssl rand -base64 32', () => randomBytes(32).toString('base64')],
  ])(
    'refuses guessable keys, printing a command that makes a good one and never the key, and accepts every key from `%s`',
    (_, make) => {
      for (const key of guessable) {
        expect(refusal(key), key).toMatch(/EM_KIOSK_KEY is too easy to guess.*\n {2}openssl rand -hex 32$/s)
        expect(refusal(key)).not.toContain(key)
      }
      for (let i = 0; i < 200; i++) expect(refusal(make())).toBe('')
    },
  )

  it('refuses a key with a space in it', () => {
    const env = {
      EM_KIOSK_USER: 'u',
      EM_KIOSK_PASSWORD: 'p',
      EM_KIOSK_KEY: `${KEY.slice(0, 20)} ${KEY.slice(20)}`,
    }
    expect(() => readKioskEnv(env)).toThrow('EM_KIOSK_KEY must not contain spaces')
  })
})
