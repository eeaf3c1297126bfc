import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { EmLinkError } from './errors.ts'
import { parseLogonSession } from './parse-logon-session.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

describe('parseLogonSession', () => {
  test('the logging_on sample: ~50 links, Delete link → proxy logout path', () => {
    const session = parseLogonSession(decodeBody(readSample('logonsession.xml'), 'xml'))
    expect(session).toMatchObject({
      userName: 'SRV12\\Administrator',
      sessionId: '15a3fc97-0325-4119-b789-5c0367c6c565',
      logoutPath: '/api/logonSessions/15a3fc97-0325-4119-b789-5c0367c6c565',
    })
    expect(session.links.length).toBeGreaterThan(50)
  })

  test('the §3 XML and JSON examples agree (the JSON example abridges its links)', () => {
    const fromXml = parseLogonSession(decodeBody(fixture('logon-session.xml'), 'xml'))
    const fromJson = parseLogonSession(decodeBody(fixture('logon-session.json'), 'json'))
    expect({ ...fromJson, links: [] }).toEqual({ ...fromXml, links: [] })
    expect(fromXml).toMatchObject({
      userName: 'ENTERPRISE04\\Administrator',
      logoutPath: '/api/logonSessions/44cfbdbe-5a95-4156-8867-91f069b7c2cc',
    })
  })

  test('without a Delete link the session Href is the logout path', () => {
    const json =
      '{"UserName":"u","SessionId":"s","Links":[],"Href":"https://em:9398/api/logonSessions/s","Type":"LogonSession"}'
    expect(parseLogonSession(decodeBody(json, 'json')).logoutPath).toBe('/api/logonSessions/s')
  })

  test('a logout link that leaves /api/ is refused', () => {
    const json =
      '{"UserName":"u","SessionId":"s","Links":[{"Rel":"Delete","Href":"https://evil.example/steal"}],"Href":"h"}'
    expect(() => parseLogonSession(decodeBody(json, 'json'))).toThrow(EmLinkError)
  })
})
