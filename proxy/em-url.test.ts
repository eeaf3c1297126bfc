import { describe, expect, it } from 'vitest'
import { hostPort, parseEmUrl } from './em-url.ts'

describe('parseEmUrl', () => {
  it.each([
    'https://em.example.com:9398',
    'https://em.example.com:9398/',
    'https://em.example.com:9398/api',
    'https://em.example.com:9398/api/',
  ])('reduces %s to its origin', (text) => {
    expect(parseEmUrl(text).href).toBe('https://em.example.com:9398/')
  })

  it.each([
    ['em.example.com:9398', /scheme|absolute/],
    ['ftp://em.example.com', /scheme/],
    ['https://user:pw@em.example.com', /credentials/],
    ['https://em.example.com/api/?v=1', /query/],
    ['https://em.example.com/other/', /path/],
    ['not a url', /absolute/],
  ])('rejects %s', (text, reason) => {
    expect(() => parseEmUrl(text)).toThrow(reason)
  })
})

describe('hostPort', () => {
  it('spells out default ports', () => {
    expect(hostPort(new URL('https://em.example.com'))).toBe('em.example.com:443')
    expect(hostPort(new URL('http://em.example.com'))).toBe('em.example.com:80')
    expect(hostPort(new URL('https://em.example.com:9398'))).toBe('em.example.com:9398')
  })
})
