import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { EmHttpError, EmLinkError, EmUnreachableError } from './errors.ts'
import { emFetch } from './http.ts'
import { logon, logout } from './logon.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const TOKEN = 'NDRjZmJkYmUtNWE5NS00MTU2LTg4NjctOTFmMDY5YjdjMmNj'

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit]

function stubFetch(answer: (...args: FetchArgs) => Promise<Response>) {
  const mock = vi.fn(answer)
  vi.stubGlobal('fetch', mock)
  return mock
}

function respond(status: number, body: string | null = '', headers: Record<string, string> = {}) {
  return stubFetch(async () => new Response(body, { status, headers }))
}

function sentInit(mock: ReturnType<typeof stubFetch>): RequestInit {
  const init = mock.mock.calls[0]?.[1]
  if (!init) throw new Error('fetch was not called with options')
  return init
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('emFetch', () => {
  test('returns status, headers and text of a 2xx answer', async () => {
    respond(200, '<QueryResult/>', { 'Content-Type': 'application/xml' })
    const response = await emFetch('/api/query?type=Job', { format: 'xml' })
    expect(response.status).toBe(200)
    expect(response.text).toBe('<QueryResult/>')
    expect(response.headers.get('content-type')).toBe('application/xml')
  })

  test.each([
    ['xml', 'application/xml'],
    ['json', 'application/json'],
  ] as const)('%s: Accept %s, token header, credentials omit, GET', async (format, accept) => {
    const mock = respond(200)
    await emFetch('/api/jobs', { format, token: TOKEN })
    expect(mock.mock.calls[0]?.[0]).toBe('/api/jobs')
    const init = sentInit(mock)
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit' })
    expect(init.headers).toEqual({ Accept: accept, 'X-RestSvcSessionId': TOKEN })
  })

  test('no token → no token header; extra headers and the method pass through', async () => {
    const mock = respond(204, null)
    await emFetch('/api/logonSessions/x', {
      format: 'xml',
      token: null,
      method: 'DELETE',
      headers: { 'X-Extra': '1' },
    })
    expect(sentInit(mock)).toMatchObject({
      method: 'DELETE',
      headers: { Accept: 'application/xml', 'X-Extra': '1' },
    })
    expect(sentInit(mock).headers).not.toHaveProperty('X-RestSvcSessionId')
  })

  test.each(['https://em:9398/api/jobs', '/apix', 'api/jobs', '/other'])(
    'refuses %j before fetching',
    async (path) => {
      const mock = respond(200)
      expect(await rejection(emFetch(path, { format: 'xml' }))).toBeInstanceOf(EmLinkError)
      expect(mock).not.toHaveBeenCalled()
    },
  )

  test.each([
    [400, fixture('error.xml'), "Unknown filter field 'Progress' for type ReplicaJobSession."],
    [400, fixture('error.json'), "Unknown filter field 'Progress' for type ReplicaJobSession."],
    [401, '\uFEFF{"StatusCode":401,"Message":"Session expired"}', 'Session expired'],
    [
      403,
      '<Error StatusCode="403" Message="Restore operators may not read this"/>',
      'Restore operators may not read this',
    ],
    [404, '', null],
    [405, '<Error StatusCode="405"/>', null],
    [500, '<!DOCTYPE html><html><body>Oops</body></html>', null],
    [503, '{"Message": 42}', null],
    [500, '{"Message": "trunc', null],
    [501, 'Not Implemented', null],
  ])('%i with body %j → EmHttpError, message %j', async (status, body, message) => {
    respond(status, body)
    const error = await rejection(
      emFetch('/api/query?type=ReplicaJobSession', { format: 'xml', token: TOKEN }),
    )
    expect(error).toBeInstanceOf(EmHttpError)
    expect(error).toMatchObject({ status, emMessage: message, path: '/api/query?type=ReplicaJobSession' })
    expect(String(error)).not.toContain(TOKEN)
  })

  test.each([
    [403, '{"error":"forbidden","message":"Wrong or missing kiosk key"}', 'Wrong or missing kiosk key'],
    [
      405,
      '{"error":"method_not_allowed","message":"Only GET, HEAD, POST and DELETE reach EM"}',
      'Only GET, HEAD, POST and DELETE reach EM',
    ],
    [503, '{"error":"kiosk_signin_failed","message":"check EM_KIOSK_USER"}', 'check EM_KIOSK_USER'],
  ])(
    '%i with the proxy’s own body → EmHttpError carrying the proxy’s words, not EM’s',
    async (status, body, words) => {
      respond(status, body)
      const error = await rejection(emFetch('/api/jobs', { format: 'json', token: TOKEN }))
      expect(error).toMatchObject({ status, emMessage: null, proxyMessage: words })
      expect(String(error)).toContain(`The dashboard's proxy answered ${status}`)
    },
  )

  test('EM’s real JSON error body (all five keys, nulls) gives its Message', async () => {
    respond(
      400,
      '{"FirstChanceExceptionMessage":null,"Message":"Node [root] does not exist.","StackTrace":null,"Status":null,"StatusCode":400}',
    )
    const error = await rejection(emFetch('/api/query?type=Job', { format: 'json', token: TOKEN }))
    expect(error).toMatchObject({ status: 400, emMessage: 'Node [root] does not exist.', proxyMessage: null })
  })

  test.each([502, 504])('%i from the proxy → EmUnreachableError naming the host', async (status) => {
    const body = JSON.stringify({
      error: 'unreachable',
      host: 'em.example.com',
      message: 'Cannot reach Enterprise Manager at em.example.com: connection refused',
    })
    respond(status, body, { 'Content-Type': 'application/json' })
    const error = await rejection(emFetch('/api/jobs', { format: 'json', token: TOKEN }))
    expect(error).toBeInstanceOf(EmUnreachableError)
    expect(error).toMatchObject({
      host: 'em.example.com',
      message: 'Cannot reach Enterprise Manager at em.example.com',
      detail: 'Cannot reach Enterprise Manager at em.example.com: connection refused',
    })
  })

  test.each(['<html>Bad Gateway</html>', '{"error":"unreachable"}', '{"host":42}', '[]', ''])(
    '502 with body %j → EmUnreachableError without a host',
    async (body) => {
      respond(502, body)
      const error = await rejection(emFetch('/api/jobs', { format: 'xml' }))
      expect(error).toBeInstanceOf(EmUnreachableError)
      expect(error).toMatchObject({ host: null, message: 'Cannot reach Enterprise Manager' })
    },
  )

  test('a network failure (fetch TypeError) → EmUnreachableError', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch')
    })
    const error = await rejection(emFetch('/api/jobs', { format: 'xml', token: TOKEN }))
    expect(error).toBeInstanceOf(EmUnreachableError)
    expect(error).toMatchObject({ host: null, detail: 'Failed to fetch' })
  })

  // The stub answers only when aborted, so the outcome does not depend on how fast the machine is.
  function hangUntilAborted() {
    return stubFetch(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
  }

  test('no answer within the timeout → EmUnreachableError saying how long it waited', async () => {
    hangUntilAborted()
    const error = await rejection(emFetch('/api/jobs', { format: 'xml', timeoutMs: 20 }))
    expect(error).toBeInstanceOf(EmUnreachableError)
    expect(String(error)).toContain('Enterprise Manager did not answer within 0.02 s')
  })

  test('the caller aborting rethrows its AbortError untouched (TanStack Query cancels so)', async () => {
    hangUntilAborted()
    const controller = new AbortController()
    const pending = emFetch('/api/jobs', { format: 'xml', signal: controller.signal })
    controller.abort()
    const error = await rejection(pending)
    expect(error).toBe(controller.signal.reason)
    expect(error).toBeInstanceOf(DOMException)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  test('once the caller has aborted, no failure is dressed up as an EM error', async () => {
    const controller = new AbortController()
    const failure = new TypeError('body stream interrupted')
    stubFetch(async () => {
      controller.abort()
      throw failure
    })
    expect(await rejection(emFetch('/api/jobs', { format: 'xml', signal: controller.signal }))).toBe(failure)
  })

  test('the caller signal is combined with the timeout signal', async () => {
    const mock = respond(200)
    const controller = new AbortController()
    await emFetch('/api/jobs', { format: 'xml', signal: controller.signal })
    const sent = sentInit(mock).signal
    expect(sent).toBeInstanceOf(AbortSignal)
    expect(sent).not.toBe(controller.signal)
    controller.abort()
    expect(sent?.aborted).toBe(true)
  })
})

describe('logon', () => {
  test('POSTs Basic credentials as UTF-8 and takes the token from the response header', async () => {
    const mock = respond(201, fixture('logon-session.xml'), { 'x-restsvcsessionid': 'header-token' })
    const { token, session } = await logon('ENTERPRISE04\\Administrator', 'pässwörd€ 🔑', 'xml')
    expect(mock.mock.calls[0]?.[0]).toBe('/api/sessionMngr/?v=latest')
    const init = sentInit(mock)
    expect(init.method).toBe('POST')
    const expected = Buffer.from('ENTERPRISE04\\Administrator:pässwörd€ 🔑', 'utf8').toString('base64')
    expect(init.headers).toMatchObject({ Authorization: `Basic ${expected}`, Accept: 'application/xml' })
    expect(token).toBe('header-token')
    expect(session).toMatchObject({
      userName: 'ENTERPRISE04\\Administrator',
      sessionId: '44cfbdbe-5a95-4156-8867-91f069b7c2cc',
      logoutPath: '/api/logonSessions/44cfbdbe-5a95-4156-8867-91f069b7c2cc',
    })
  })

  test('without the header the token is base64 of SessionId (em-api.md §3)', async () => {
    respond(201, fixture('logon-session.json'))
    const { token } = await logon('u', 'p', 'json')
    expect(token).toBe(TOKEN)
  })

  test('wrong credentials → EmHttpError 401, the password nowhere in it', async () => {
    respond(401, '<Error StatusCode="401" Message="Unauthorized"/>', {
      'WWW-Authenticate': 'Basic Realm=RestSvc',
    })
    const error = await rejection(logon('admin', 'hunter2', 'xml'))
    expect(error).toMatchObject({ status: 401, emMessage: 'Unauthorized' })
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('hunter2')
  })
})

describe('logout', () => {
  test('DELETEs the logout path with the token', async () => {
    const mock = respond(204, null)
    await logout({ logoutPath: '/api/logonSessions/44cf' }, TOKEN, 'json')
    expect(mock.mock.calls[0]?.[0]).toBe('/api/logonSessions/44cf')
    expect(sentInit(mock)).toMatchObject({ method: 'DELETE', headers: { 'X-RestSvcSessionId': TOKEN } })
  })

  test.each([401, 404])('%i means already gone: resolves', async (status) => {
    respond(status)
    await expect(logout({ logoutPath: '/api/logonSessions/x' }, TOKEN, 'xml')).resolves.toBeUndefined()
  })

  test.each([403, 500])('%i is still an error', async (status) => {
    respond(status)
    expect(await rejection(logout({ logoutPath: '/api/logonSessions/x' }, TOKEN, 'xml'))).toMatchObject({
      status,
    })
  })
})
