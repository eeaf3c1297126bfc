import { describe, expect, it } from 'vitest'
import { describeEmError } from './describe-error.ts'
import { EmHttpError, EmLinkError, EmParseError, EmUnreachableError } from './errors.ts'

describe('describeEmError', () => {
  it.each([
    [
      new EmUnreachableError('Cannot reach Enterprise Manager at em:9398'),
      'Enterprise Manager is unreachable',
      'Cannot reach Enterprise Manager at em:9398',
    ],
    [
      new EmHttpError(400, 'Unknown field Foo', '/api/query'),
      'Enterprise Manager rejected the query',
      'Unknown field Foo',
    ],
    [
      new EmHttpError(401, null, '/api/query'),
      'Signed out of Enterprise Manager',
      'Sign in again to continue.',
    ],
    [
      new EmHttpError(403, 'Access denied.', '/api/jobs/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9?format=Entity'),
      'Not allowed',
      "This account's Enterprise Manager role may not read jobs; that needs Portal Administrator.",
    ],
    [
      new EmHttpError(403, null, '/api/query?type=ReplicaJobSession&format=Entities'),
      'Not allowed',
      "This account's Enterprise Manager role may not read replica sessions; that needs Portal User or Portal Administrator.",
    ],
    [
      new EmHttpError(403, null, '/api/logonSessions/x'),
      'Not allowed',
      "This account's Enterprise Manager role does not allow this request.",
    ],
    [new EmHttpError(404, 'gone', '/api/x'), 'Not found', /aged out/],
    [new EmHttpError(500, 'Internal error', '/api/x'), 'Enterprise Manager answered 500', 'Internal error'],
    [
      new EmHttpError(503, null, '/api/x'),
      'Enterprise Manager answered 503',
      'Enterprise Manager answered 503 for /api/x',
    ],
    [
      new EmParseError('Expected XML, got HTML', '<html>'),
      'Enterprise Manager sent something unreadable',
      'Expected XML, got HTML',
    ],
    [
      new EmLinkError('https://evil.example/', 'not under /api/'),
      'A link was not followed',
      /not under \/api\//,
    ],
    [new TypeError('boom'), 'Something went wrong', 'boom'],
    ['a string', 'Something went wrong', 'a string'],
  ])('%o', (error, title, detail) => {
    const words = describeEmError(error)
    expect(words.title).toBe(title)
    if (typeof detail === 'string') expect(words.detail).toBe(detail)
    else expect(words.detail).toMatch(detail)
  })

  it('names what failed when the error is not from EM', () => {
    expect(describeEmError(new Error('x'), 'Could not load the sessions').title).toBe(
      'Could not load the sessions',
    )
  })

  it('says the proxy’s own words when the proxy refused, whatever the status', () => {
    const kiosk = new EmHttpError(503, null, '/api/query', {
      proxyMessage: 'check EM_KIOSK_USER and EM_KIOSK_PASSWORD',
    })
    expect(describeEmError(kiosk)).toEqual({
      title: "The dashboard's proxy answered 503",
      detail: 'check EM_KIOSK_USER and EM_KIOSK_PASSWORD',
    })
    const allowlist = new EmHttpError(403, null, '/api/jobs/x/includes', {
      proxyMessage: 'Not on the kiosk allowlist: jobs/x/includes',
    })
    expect(describeEmError(allowlist)).toEqual({
      title: 'Not allowed',
      detail: 'Not on the kiosk allowlist: jobs/x/includes',
    })
    const guard = new EmHttpError(400, null, '/api/x', { proxyMessage: 'Encoded slashes are refused' })
    expect(describeEmError(guard)).toEqual({
      title: 'The dashboard refused the request',
      detail: 'Encoded slashes are refused',
    })
  })
})
