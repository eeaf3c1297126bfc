import { describe, expect, it } from 'vitest'
import { hostPort, parseEmUrl } from './em-url.ts'

describe('parseEmUrl', () => {
  it.each([
    'https://em.example.com:9398',
    'https://em.example.com:9398/',
    'https://em.example.com:9398/api',
    'https://em.example.com:9398/api/',
  ])('reduces %s to its origin, no prefix', (text) => {
    const address = parseEmUrl(text)
    expect(address.origin.href).toBe('https://em.example.com:9398/')
    expect(address.pathPrefix).toBe('')
  })

  it.each([
    ['https://gateway.example.com/veeam-em', '/veeam-em'],
    ['https://gateway.example.com/veeam-em/', '/veeam-em'],
    ['https://gateway.example.com/veeam/em/api/', '/veeam/em'],
    ['https://gateway.example.com/other/', '/other'],
    ['https://gateway.example.com/v1.5_em~x', '/v1.5_em~x'],
  ])('keeps the path in front of /api of %s as a prefix', (text, prefix) => {
    const address = parseEmUrl(text)
    expect(address.origin.href).toBe('https://gateway.example.com/')
    expect(address.pathPrefix).toBe(prefix)
  })

  it.each([
    ['em.example.com:9398', /scheme|absolute/],
    ['ftp://em.example.com', /scheme/],
    ['https://user:pw@em.example.com', /credentials/],
    ['https://em.example.com/api/?v=1', /query/],
    ['https://em.example.com/a%2Fb/', /plain segments/],
    ['https://em.example.com/a b/', /plain segments/],
    ['https://em.example.com//double/', /plain segments/],
    ['https://em.example.com/..hidden/', /plain segments/],
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
