import { afterEach, describe, expect, test, vi } from 'vitest'
import { describeActionError } from './action-error-words.ts'
import { actionOfHref, postEmAction } from './em-action.ts'
import { EmHttpError, EmLinkError } from './errors.ts'
import { setKioskKey } from './kiosk-key.ts'
import { clearEmSession, setEmSession } from './session-token.ts'
import { setWireFormat } from './wire-format.ts'

const JOB = 'https://em.example:9398/api/jobs/0f1c3a8e-5b7d-4c2e-9a61-3d4e5f6a7b8c'
const sent: { path: string; init: RequestInit }[] = []

function answer(status: number, body: string, type = 'application/json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      sent.push({ path, init })
      return new Response(body, { status, headers: { 'content-type': type } })
    }),
  )
}

function signIn() {
  setEmSession({ token: 'tok', sessionId: 's', userName: 'admin', logoutPath: '/api/logonSessions/s' })
}

async function refusal(promise: Promise<unknown>): Promise<EmHttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof EmHttpError)) throw new Error(`expected an EmHttpError, got ${String(error)}`)
  return error
}

afterEach(() => {
  vi.unstubAllGlobals()
  clearEmSession()
  setKioskKey(null)
  sent.length = 0
})

describe('postEmAction', () => {
  test('POSTs the Href EM gave onto the proxy, with the token and no body, and returns the 202 Task', async () => {
    setWireFormat('json')
    signIn()
    answer(
      202,
      '{"TaskId":"task-7","State":"Running","Operation":"RetryJob","Href":"https://em.example:9398/api/tasks/task-7","Links":[]}',
    )
    const task = await postEmAction(`${JOB}?action=retry`)
    expect(task).toMatchObject({ id: 'task-7', state: 'Running', operation: 'RetryJob', result: null })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.path).toBe('/api/jobs/0f1c3a8e-5b7d-4c2e-9a61-3d4e5f6a7b8c?action=retry')
    expect(sent[0]?.init.method).toBe('POST')
    expect(sent[0]?.init.body).toBeUndefined()
    expect(new Headers(sent[0]?.init.headers).get('X-RestSvcSessionId')).toBe('tok')
  })

  test('sends nothing for a link that is not one of the four actions, without a session, or on the wall', async () => {
    answer(202, '{}')
    signIn()
    await expect(postEmAction(`${JOB}?action=toggleScheduleEnabled`)).rejects.toBeInstanceOf(EmLinkError)
    await expect(postEmAction(`${JOB}?action=start&x=1`)).rejects.toBeInstanceOf(EmLinkError)
    setKioskKey('wall-key')
    expect((await refusal(postEmAction(`${JOB}?action=start`))).status).toBe(401)
    setKioskKey(null)
    clearEmSession()
    expect((await refusal(postEmAction(`${JOB}?action=start`))).status).toBe(401)
    expect(sent).toEqual([])
  })

  test("EM's 403 (its five-field Error body) names the role that may act", async () => {
    signIn()
    answer(
      403,
      '{"FirstChanceExceptionMessage":null,"Message":"Access denied.","StackTrace":null,"Status":null,"StatusCode":403}',
    )
    const error = await refusal(postEmAction(`${JOB}?action=start`))
    expect(error).toMatchObject({ status: 403, emMessage: 'Access denied.', proxyMessage: null })
    expect(describeActionError(error, 'start').detail).toBe(
      "This account's Enterprise Manager role may not start, stop or retry jobs; that needs Portal Administrator. Enterprise Manager said: “Access denied.”",
    )
  })

  test("the proxy's 403 and 429 keep the proxy's own words", async () => {
    signIn()
    const origin = "Actions are accepted only from the dashboard's own pages (Origin)"
    answer(403, JSON.stringify({ error: 'forbidden', message: origin }))
    const forbidden = await refusal(postEmAction(`${JOB}?action=stop`))
    expect(forbidden).toMatchObject({ status: 403, proxyMessage: origin, emMessage: null })
    expect(describeActionError(forbidden, 'stop')).toEqual({
      title: 'The dashboard did not send it',
      detail: origin,
    })
    const wait = 'Data was collected from this backup server less than a minute ago; try again in 42 s'
    answer(429, JSON.stringify({ error: 'too_many_requests', message: wait }))
    const server =
      'https://em.example:9398/api/backupServers/1a2b3c4d-0000-4000-8000-000000000001?action=collect'
    expect(await refusal(postEmAction(server))).toMatchObject({ status: 429, proxyMessage: wait })
  })

  test("EM's XML Error body on another 4xx keeps EM's message word for word", async () => {
    setWireFormat('xml')
    signIn()
    answer(409, '<Error Message="Job is busy." StatusCode="409" />', 'application/xml')
    const error = await refusal(postEmAction(`${JOB}?action=start`))
    expect(error).toMatchObject({ status: 409, emMessage: 'Job is busy.' })
    expect(describeActionError(error, 'start')).toEqual({
      title: 'Enterprise Manager refused (409)',
      detail: 'Job is busy.',
    })
  })
})

describe('actionOfHref', () => {
  test('reads the action EM writes last in the Href, any case', () => {
    expect(actionOfHref(`${JOB}?action=Retry`)).toBe('retry')
    expect(actionOfHref(`${JOB}?action=clone`)).toBeNull()
    expect(actionOfHref(JOB)).toBeNull()
  })
})
